#include "sandboxoptions.h"

#include "apifaults.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

std::optional<qint64> number(const QCommandLineParser& parser, const QString& name, qint64 lo, qint64 hi,
                             qint64 fallback, QString* error)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < lo || v > hi) {
        *error = u"--%1 must be a whole number from %2 to %3"_s.arg(name).arg(lo).arg(hi);
        return std::nullopt;
    }
    return v;
}

} // namespace

std::optional<SandboxOptions> parseSandboxOptions(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"bge-sandbox: an offline emulator of the BGE Open Platform (API, OAuth pages, object storage) and of\n"
        "AWS HealthOmics sequence stores.\n"
        "Prints one line of JSON describing endpoints, demo users and clients, then logs to stderr."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"port"_s, u"API and OAuth port on 127.0.0.1 (0 = any free port)."_s, u"N"_s, u"0"_s},
        {u"oss-port"_s, u"Object-storage port on 127.0.0.1 (0 = any free port)."_s, u"N"_s, u"0"_s},
        {u"data-dir"_s, u"Where objects and upload state live (default: a temporary directory)."_s, u"DIR"_s},
        {u"seed"_s, u"Seed of the demo data and of the fault draws (same seed, same platform)."_s, u"N"_s,
         u"20191"_s},
        {u"samples"_s,
         u"How many demo samples the platform holds (default 240; zhanglei3 owns about 3 in 8, the other "
         u"demo "
         "users and the pipeline app the rest). The same seed and number give the same samples; the first "
         "240 are the same whatever the number, and only they have result files in object storage (the "
         "others have their results through the API)."_s,
         u"N"_s, u"240"_s},
        {u"config"_s, u"JSON file with more client apps: {\"clients\": [...]}."_s, u"FILE"_s},
        {u"token-ttl"_s, u"Access-token lifetime in seconds."_s, u"S"_s, u"21600"_s},
        {u"sts-ttl"_s, u"Lifetime of object-storage STS credentials in seconds."_s, u"S"_s, u"3600"_s},
        {u"refresh-ttl"_s, u"Refresh-token lifetime in seconds."_s, u"S"_s, u"2592000"_s},
        {u"advertise-oss"_s, u"Object-storage URL that /sts/token advertises (e.g. behind a proxy)."_s,
         u"URL"_s},
        {u"oss-faults"_s,
         u"Fault injection for reliability tests, e.g. \"error-rate=0.1,drop-rate=0.05,latency-ms=200\". "
         u"Also "
         "corrupt-rate (PutObject/UploadPart bodies stored with a bit flipped, so their CRC-64 differs), "
         "corrupt-complete-rate (multipart objects assembled with a bit flipped), bandwidth-kibps (each "
         "body sent or received at most this many KiB/s) and lost-reply-rate (PutObject, UploadPart and "
         "CompleteMultipartUpload done, then the connection cut before the answer; lost-put-reply-rate, "
         "lost-part-reply-rate and lost-complete-reply-rate for one kind). The corrupt and lost-reply rates "
         "pick "
         "evenly, not at random: 0.5 is every second call, 1 every call."_s,
         u"SPEC"_s},
        {u"api-faults"_s,
         u"Fault injection for the platform API and OAuth token calls (not the HTML sign-in page), as a "
         "gateway in front of it would: error-rate (answered 502/503 with an HTML page), drop-rate (the "
         "connection closed without an answer) and latency-ms; same syntax as --oss-faults. Both faults "
         "strike before the request is handled; draws follow --seed."_s,
         u"SPEC"_s},
        {u"max-object-size"_s,
         u"Largest PutObject or UploadPart body in bytes, Content-Length or chunked (default 5 GiB, as OSS; "
         u"a "
         "test aid to reach the limit quickly)."_s,
         u"BYTES"_s, u"5368709120"_s},
        {u"omics-port"_s, u"HealthOmics emulator port on 127.0.0.1 (0 = any free port)."_s, u"N"_s, u"0"_s},
        {u"omics-faults"_s,
         u"Fault injection for the HealthOmics endpoint alone (error-rate, drop-rate, latency-ms, "
         "bandwidth-kibps; same syntax as --oss-faults, which otherwise applies to it too)."_s,
         u"SPEC"_s},
        {u"omics-quotas"_s, u"HealthOmics TPS quotas (ThrottlingException): on (default) or off."_s,
         u"on|off"_s, u"on"_s},
        {u"omics-processing-ms"_s,
         u"How long an uploaded read set stays PROCESSING_UPLOAD, in milliseconds (an import job takes 1.5 "
         u"times "
         "this)."_s,
         u"MS"_s, u"1000"_s},
        {u"omics-read-part-size"_s, u"GetReadSet part size in bytes (default 100 MiB)."_s, u"BYTES"_s,
         u"104857600"_s},
        {u"tls"_s,
         u"Serve every endpoint over HTTPS with a throwaway CA and server certificate made at start (the "
         "CA's file is \"ca_file\" in the JSON line)."_s},
        {u"advertise-host"_s,
         u"Host name or address in the URLs the sandbox hands out (API, object storage, HealthOmics) instead "
         "of 127.0.0.1, e.g. this machine's name to reach it through a proxy; the servers still listen on "
         "127.0.0.1 only, so the name must resolve to it. With --tls the certificate names it too."_s,
         u"NAME"_s},
        {u"describe"_s, u"Print the description JSON (requested ports) and exit without serving."_s},
        {u"clock-offset"_s,
         u"Test aid: the object-storage clock is this many seconds off (e.g. 1800 or -1800), as if the "
         "client's clock were wrong; signed dates more than 15 minutes off are refused "
         "(RequestTimeTooSkewed) "
         "and answers carry the server's Date."_s,
         u"S"_s, u"0"_s},
        {u"clock-offset-after"_s,
         u"Test aid: the --clock-offset applies from this many object-storage requests on (0: from the "
         "start), to change the clock in the middle of an upload."_s,
         u"N"_s, u"0"_s},
    });
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    SandboxOptions o;
    const auto apiPort = number(parser, u"port"_s, 0, 65535, 0, error);
    const auto ossPort = apiPort ? number(parser, u"oss-port"_s, 0, 65535, 0, error) : std::nullopt;
    const auto seed = ossPort ? number(parser, u"seed"_s, 0, std::numeric_limits<qint64>::max(), 20191, error)
                              : std::nullopt;
    const auto tokenTtl = seed ? number(parser, u"token-ttl"_s, 1, 365LL * 86400, 21600, error) : std::nullopt;
    const auto stsTtl = tokenTtl ? number(parser, u"sts-ttl"_s, 1, 365LL * 86400, 3600, error) : std::nullopt;
    const auto samples = stsTtl ? number(parser, u"samples"_s, 1, 2000000, 240, error) : std::nullopt;
    const auto omicsPort = samples ? number(parser, u"omics-port"_s, 0, 65535, 0, error) : std::nullopt;
    const auto processing =
        omicsPort ? number(parser, u"omics-processing-ms"_s, 0, 3600LL * 1000, 1000, error) : std::nullopt;
    const auto readPartSize = processing ? number(parser, u"omics-read-part-size"_s, 1, 5368709120LL,
                                                  100LL * 1024 * 1024, error)
                                         : std::nullopt;
    const auto maxObjectSize =
        readPartSize ? number(parser, u"max-object-size"_s, 1, 5LL * 1024 * 1024 * 1024, 5LL * 1024 * 1024 * 1024, error)
                     : std::nullopt;
    const auto clockOffset =
        maxObjectSize ? number(parser, u"clock-offset"_s, -10LL * 365 * 86400, 10LL * 365 * 86400, 0, error)
                     : std::nullopt;
    const auto clockAfter = clockOffset ? number(parser, u"clock-offset-after"_s, 0,
                                                 std::numeric_limits<qint64>::max(), 0, error)
                                        : std::nullopt;
    if (!clockAfter)
        return std::nullopt;
    o.maxObjectSize = *maxObjectSize;
    o.ossClockOffsetSeconds = *clockOffset;
    o.ossClockOffsetAfterRequests = *clockAfter;
    o.omicsPort = int(*omicsPort);
    o.omicsProcessingMs = *processing;
    o.omicsReadPartSize = *readPartSize;
    const QString quotas = parser.value(u"omics-quotas"_s);
    if (quotas != u"on" && quotas != u"off") {
        *error = u"--omics-quotas must be on or off"_s;
        return std::nullopt;
    }
    o.omicsQuotas = quotas == u"on";
    o.apiPort = int(*apiPort);
    o.ossPort = int(*ossPort);
    o.seed = quint64(*seed);
    o.sampleCount = int(*samples);
    o.tokenTtlSeconds = *tokenTtl;
    o.stsTtlSeconds = *stsTtl;
    const auto refreshTtl = number(parser, u"refresh-ttl"_s, 1, 3650LL * 86400, 30LL * 86400, error);
    if (!refreshTtl)
        return std::nullopt;
    o.refreshTokenTtlSeconds = *refreshTtl;
    o.dataDirectory = parser.value(u"data-dir"_s);
    o.configFile = parser.value(u"config"_s);
    o.describeOnly = parser.isSet(u"describe"_s);
    o.tls = parser.isSet(u"tls"_s);
    if (parser.isSet(u"advertise-oss"_s)) {
        const QUrl url(parser.value(u"advertise-oss"_s), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
            *error = u"--advertise-oss must be an http:// or https:// URL"_s;
            return std::nullopt;
        }
        o.advertisedOss = url.toString(QUrl::StripTrailingSlash);
    }
    if (parser.isSet(u"advertise-host"_s)) {
        const QString host = parser.value(u"advertise-host"_s);
        static const QRegularExpression name(u"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$"_s);
        if (!name.match(host).hasMatch() && QHostAddress(host).isNull()) {
            *error = u"--advertise-host must be a host name or an IP address"_s;
            return std::nullopt;
        }
        o.advertiseHost = host;
    }
    if (parser.isSet(u"oss-faults"_s)) {
        const auto faults = FaultInjection::parse(parser.value(u"oss-faults"_s), error);
        if (!faults)
            return std::nullopt;
        o.faults = *faults;
    }
    o.omicsFaults = o.faults;
    if (parser.isSet(u"api-faults"_s)) {
        const auto faults = ApiFaults::parse(parser.value(u"api-faults"_s), error);
        if (!faults)
            return std::nullopt;
        o.apiFaults = *faults;
    }
    if (parser.isSet(u"omics-faults"_s)) {
        const auto faults = FaultInjection::parse(parser.value(u"omics-faults"_s), error);
        if (!faults) {
            error->replace(u"--oss-faults"_s, u"--omics-faults"_s);
            return std::nullopt;
        }
        o.omicsFaults = *faults;
    }
    return o;
}

} // namespace bge::sandbox
