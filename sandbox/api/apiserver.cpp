#include "apiserver.h"

#include "apifaults.h"
#include "envelope.h"
#include "loopbackserver.h"

#include <QTextStream>

#include <httplib.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

struct ApiServer::Private
{
    explicit Private(ApiContext c) : api(std::move(c)) {}
    ApiContext api;
    LoopbackServer loopback{QStringLiteral("the API"), 16};
    std::unique_ptr<ApiFaults> faults; // set before the server runs, read-only afterwards
};

ApiServer::ApiServer(ApiContext context) : d(std::make_unique<Private>(std::move(context)))
{
    httplib::Server& s = d->loopback.http();
    s.set_payload_max_length(16 * 1024 * 1024); // API bodies are small forms
    // Logs name the path only: query strings carry tokens (introspect) and codes.
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        QTextStream(stderr) << "api: " << QString::fromStdString(req.method) << ' ' << QString::fromStdString(req.path)
                            << ' ' << res.status << Qt::endl;
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty())
            sendHttpError(res, res.status, res.status == 404 ? u"Not Found"_s : u"请求无法处理"_s);
    });
    // RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has an empty
    // body (what `curl -X POST` sends). httplib would instead read until the connection closes,
    // so the request hung until the read timeout and was then answered 400. The pre-routing
    // handler runs before the body is read; the Request it gets is the server's own mutable
    // object, so declaring the empty body there is well-defined.
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        // Faults first: a gateway in front of the API fails before the API sees the request.
        if (d->faults && d->faults->intercept(req, res))
            return httplib::Server::HandlerResponse::Handled;
        if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
            const_cast<httplib::Request&>(req).headers.emplace("Content-Length", "0");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendHttpError(res, 500, u"Internal Server Error"_s);
    });

    registerOAuthRoutes(s, d->api);
    registerSampleRoutes(s, d->api);
    registerVariantRoutes(s, d->api);
    registerMicrobiomeRoutes(s, d->api);
    registerFileRoutes(s, d->api);
    registerModelRoutes(s, d->api);
}

ApiServer::~ApiServer() = default;

bool ApiServer::bind(int port, QString* error)
{
    return d->loopback.bind(port, error);
}

int ApiServer::port() const
{
    return d->loopback.port();
}

void ApiServer::injectFaults(const FaultInjection& faults, quint64 seed)
{
    d->faults = faults.enabled() ? std::make_unique<ApiFaults>(faults, seed) : nullptr;
}

void ApiServer::run()
{
    d->loopback.run();
}

void ApiServer::stop()
{
    d->loopback.stop();
    if (d->faults)
        QTextStream(stderr) << "api: faults: " << d->faults->summary() << Qt::endl;
}

} // namespace bge::sandbox
