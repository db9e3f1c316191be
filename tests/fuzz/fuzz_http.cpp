// libFuzzer target: arbitrary bytes as what a socket delivers to the HTTP/1.1 response parser
// of our body sender (FileBodyRequest), in random pieces. The first bytes choose where the
// pieces end and the body limit; the rest is the connection's bytes. The same bytes are fed
// once whole and once in pieces: the parser must come to the same answer either way (a split
// is only where TCP happened to cut), and the answer is then read as OssReply::read does.
#include "transfer/httpresponseparser.h"
#include "transfer/ossrequest.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace bge;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

struct Outcome
{
    HttpResponseParser::State state;
    qsizetype used = 0;
};

// Feeds `bytes` in the given pieces as a connection loop does: once the answer is Done the
// remaining bytes are not its own, and the connection's end is reported when asked for.
Outcome run(HttpResponseParser& parser, const std::string& bytes, const std::vector<size_t>& cuts, bool close)
{
    qsizetype used = 0;
    size_t at = 0;
    for (size_t i = 0; i <= cuts.size() && at < bytes.size(); ++i) {
        const size_t end = i < cuts.size() ? std::min(bytes.size(), at + cuts[i]) : bytes.size();
        if (end == at)
            continue;
        const qsizetype n = parser.feed(bytes.data() + at, qsizetype(end - at));
        check(n >= 0 && n <= qsizetype(end - at));
        used += n;
        if (parser.isDone() || parser.hasFailed())
            break;
        check(n == qsizetype(end - at)); // short only once the answer is complete or refused
        at = end;
    }
    if (close && !parser.isDone() && !parser.hasFailed())
        parser.closed();
    return {parser.state(), used};
}

void compare(const HttpResponseParser& a, const Outcome& oa, const HttpResponseParser& b, const Outcome& ob)
{
    check(oa.state == ob.state);
    if (a.isDone()) {
        check(oa.used == ob.used);
        check(a.status() == b.status() && a.headers() == b.headers() && a.body() == b.body());
        check(a.keepAlive() == b.keepAlive());
    }
    if (a.hasFailed())
        check(!a.error().isEmpty() && !b.error().isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider input(data, size);
    const bool smallLimit = input.ConsumeBool();
    const bool close = input.ConsumeBool();
    std::vector<size_t> cuts(input.ConsumeIntegralInRange<size_t>(0, 16));
    for (size_t& cut : cuts)
        cut = input.ConsumeIntegralInRange<size_t>(0, 64);
    const std::string bytes = input.ConsumeRemainingBytesAsString();
    const qsizetype limit = smallLimit ? 64 : (1 << 20);

    HttpResponseParser whole(limit);
    const Outcome w = run(whole, bytes, {}, close);
    HttpResponseParser pieces(limit);
    const Outcome p = run(pieces, bytes, cuts, close);
    compare(whole, w, pieces, p);
    // One byte at a time: every state boundary falls between two feeds somewhere (short
    // inputs only, which is where the boundaries are; long ones would only slow the fuzzer).
    if (bytes.size() <= 4096) {
        HttpResponseParser bytewise(limit);
        const Outcome b = run(bytewise, bytes, std::vector<size_t>(bytes.size(), 1), close);
        compare(whole, w, bytewise, b);
    }

    if (whole.isDone()) {
        check(whole.status() >= 200 && whole.status() <= 999);
        check(whole.body().size() <= limit);
        check(w.used <= qsizetype(bytes.size()));
    }
    check(whole.hasStarted() == !bytes.empty());

    // What the upload makes of the answer: OSS error XML in the body or in x-oss-err.
    const OssReply reply = OssReply::read(whole, {});
    if (reply.status >= 300) {
        check(bool(reply.error));
        check(reply.code == reply.oss.code);
        if (!reply.code.isEmpty() && !reply.code.contains(u':') && !reply.code.startsWith(u"HTTP "))
            check(ossCode(reply.error) == reply.code);
    }
    (void)reply.errorAt(QStringLiteral("PUT fuzz"));
    return 0;
}
