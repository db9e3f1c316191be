#include "apifaults.h"

#include <QTextStream>

#include <httplib.h>

#include <chrono>
#include <thread>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

// SplitMix64: a well-mixed 64-bit value per (seed, rank), so that the n-th request's fate does
// not depend on how many threads drew before it.
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Uniform in [0, 1): a rate of 0 never hits and a rate of 1 always does.
double unit(quint64 x)
{
    return double(x >> 11) * 0x1.0p-53;
}

// sandbox convention: the reference does not show the platform's front end failing. A gateway
// (nginx/Tengine, as Chinese cloud front ends are) answers 502 when the API behind it is gone and
// 503 when it sheds load, with its own small HTML page, not the API's JSON envelope: the client
// must cope with a 5xx that is not JSON. The connection is closed after it, as the request's
// body (if any) was never read.
void sendGatewayError(httplib::Response& res, int status)
{
    const std::string title = status == 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
    res.status = status;
    res.set_header("Connection", "close");
    res.set_content("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                    "text/html");
}

} // namespace

ApiFaults::ApiFaults(const FaultInjection& faults, quint64 seed) : m_faults(faults), m_seed(mix(seed ^ 0xA91FA017ULL))
{
}

std::optional<FaultInjection> ApiFaults::parse(const QString& spec, QString* error)
{
    std::optional<FaultInjection> f = FaultInjection::parse(spec, error);
    if (!f) {
        error->replace(u"--oss-faults"_s, u"--api-faults"_s);
        return std::nullopt;
    }
    if (f->corruptRate > 0 || f->corruptCompleteRate > 0 || f->bandwidthKiBps > 0 || f->lostPutReplyRate > 0
        || f->lostPartReplyRate > 0 || f->lostCompleteReplyRate > 0) {
        *error = u"--api-faults: \"%1\" is not understood; use error-rate=0..1, drop-rate=0..1 and "
                 "latency-ms=0..60000, separated by commas (the other kinds are object-storage faults)"_s.arg(spec);
        return std::nullopt;
    }
    return f;
}

// The HTML sign-in page (GET /oauth2/authorize and the form it posts back) is a person's page,
// not a program's call: someone who met a 502 there would just reload, which tells us nothing
// about our clients, and the GUI sign-in tests drive that page in a browser engine that must
// load it. Its outcome, the code exchange on /oauth2/access_token, is faulted like every call.
bool ApiFaults::exempt(std::string_view path)
{
    return path == "/oauth2/authorize";
}

bool ApiFaults::intercept(const httplib::Request& req, httplib::Response& res)
{
    if (exempt(req.path))
        return false;
    const quint64 rank = ++m_requests;
    const quint64 draw = mix(m_seed + rank * 0x9E3779B97F4A7C15ULL);
    const quint64 second = mix(draw);
    const QString what = QString::fromStdString(req.method) + u' ' + QString::fromStdString(req.path);
    if (m_faults.latencyMs > 0) {
        // Sleeps on this connection's worker thread only: the others go on answering.
        std::this_thread::sleep_for(std::chrono::milliseconds(m_faults.latencyMs));
        ++m_delayed;
    }
    if (unit(draw) < m_faults.errorRate) {
        const int status = (second & 1) ? 503 : 502;
        ++m_errors;
        QTextStream(stderr) << "api: fault: " << status << " for " << what << Qt::endl;
        sendGatewayError(res, status);
        return true;
    }
    if (unit(second) < m_faults.dropRate) {
        ++m_drops;
        QTextStream(stderr) << "api: fault: dropped the connection of " << what << Qt::endl;
        dropConnection(req);
        // Never sent (the socket is shut): 444 is how nginx logs a connection it closed unanswered.
        res.status = 444;
        res.set_header("Connection", "close");
        return true;
    }
    return false;
}

QString ApiFaults::summary() const
{
    return u"%1 requests faultable: %2 answered 5xx, %3 dropped, %4 delayed"_s.arg(m_requests.load())
        .arg(m_errors.load())
        .arg(m_drops.load())
        .arg(m_delayed.load());
}

} // namespace bge::sandbox
