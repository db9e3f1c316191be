// libFuzzer target: AWS SigV4 (HealthOmics) and OSS V1/V4 canonicalisation and signing with
// arbitrary paths, keys, query items and headers. Besides not crashing, what a signature
// relies on: percent-encoding decodes back to the raw bytes; the canonical path is a fixpoint
// (normalising it again changes nothing); the canonical query and headers do not depend on
// the order items were added in; signing is deterministic; and what a client signs, the
// verifier (the sandbox and emulator use these very functions) recomputes from the
// Authorization header alone. Arbitrary bytes as an Authorization header and an x-amz-date
// are parsed too.
#include "aws/sigv4.h"
#include "oss/signaturev1.h"
#include "oss/signaturev4.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

using Pairs = QList<QPair<QByteArray, QByteArray>>;

QByteArray bytes(FuzzedDataProvider& input, size_t max = 48)
{
    const std::string s = input.ConsumeRandomLengthString(max);
    return QByteArray(s.data(), qsizetype(s.size()));
}

// A header name as HTTP allows one (a token), so that the signed-header list is unambiguous.
QByteArray headerName(FuzzedDataProvider& input)
{
    static const QByteArrayList known = {"Host", "Content-Type", "Content-MD5", "x-oss-meta-a", "X-Amz-Target",
                                         "x-oss-forbid-overwrite", "User-Agent", "Expect", "x-amz-meta-b"};
    if (input.ConsumeBool())
        return known.at(input.ConsumeIntegralInRange<qsizetype>(0, known.size() - 1));
    QByteArray name;
    for (const char c : bytes(input, 16)) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
            name += c;
    }
    return name.isEmpty() ? QByteArray("x-oss-meta-x") : name;
}

bool isUpperHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

bool isEncoded(const QByteArray& text, bool slash)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~' || (slash && c == '/'))
            continue;
        if (c != '%' || i + 2 >= text.size() || !isUpperHex(text[i + 1]) || !isUpperHex(text[i + 2]))
            return false;
        i += 2;
    }
    return true;
}

void encoding(const QByteArray& raw)
{
    for (const bool slash : {false, true}) {
        const QByteArray encoded = aws::SigV4::uriEncode(raw, slash);
        check(isEncoded(encoded, slash));
        check(QByteArray::fromPercentEncoding(encoded) == raw);
        check(oss::SignatureV4::uriEncode(raw, slash) == encoded);
    }
    const QByteArray path = aws::SigV4::canonicalPath(raw);
    check(isEncoded(path, true) && !path.isEmpty() && !path.contains("//"));
    // Dot segments and repeated slashes are gone: normalising the result again is a no-op.
    check(aws::SigV4::canonicalPath(QByteArray::fromPercentEncoding(path)) == path);
}

void sigv4(FuzzedDataProvider& input, const QDateTime& now)
{
    aws::SigV4::Request request;
    request.method = bytes(input, 8);
    request.path = bytes(input);
    const int queryItems = input.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < queryItems; ++i)
        request.query.append({bytes(input, 16), bytes(input, 16)});
    request.setHeader("Host", "omics.us-east-1.amazonaws.com");
    const int headers = input.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < headers; ++i)
        request.headers.append({headerName(input), bytes(input, 32)});

    Pairs reversed = request.query;
    std::reverse(reversed.begin(), reversed.end());
    check(aws::SigV4::canonicalQuery(reversed) == aws::SigV4::canonicalQuery(request.query));

    const QByteArrayList names = aws::SigV4::defaultSignedHeaders(request);
    for (qsizetype i = 0; i < names.size(); ++i) {
        check(names[i] == names[i].toLower() && !names[i].isEmpty());
        check(i == 0 || names[i - 1] < names[i]);
    }

    aws::AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDEXAMPLE"_s;
    credentials.secretAccessKey = QString::fromUtf8(bytes(input, 40));
    if (input.ConsumeBool())
        credentials.sessionToken = QString::fromLatin1(bytes(input, 40).toBase64());
    const QByteArray payload = input.ConsumeBool() ? aws::SigV4::kUnsignedPayload.toByteArray()
                                                   : aws::SigV4::payloadHash(bytes(input));
    aws::SigV4::Request once = request;
    aws::SigV4::sign(once, credentials, now, "us-east-1", "omics", payload);
    aws::SigV4::Request twice = request;
    aws::SigV4::sign(twice, credentials, now, "us-east-1", "omics", payload);
    check(once.headers == twice.headers);

    // The emulator's side: everything it needs is in the request.
    const std::optional<aws::SigV4::Authorization> auth = aws::SigV4::parseAuthorization(once.header("Authorization"));
    check(auth.has_value());
    check(auth->accessKeyId == "AKIDEXAMPLE" && auth->region == "us-east-1" && auth->service == "omics");
    const QByteArray date = once.header("X-Amz-Date");
    check(aws::SigV4::fromAmzDate(date) == now && date.first(8) == auth->day);
    aws::SigV4::Request received = once;
    received.headers.removeIf([](const auto& h) { return h.first.compare("Authorization", Qt::CaseInsensitive) == 0; });
    Pairs shuffled = received.query;
    std::rotate(shuffled.begin(), shuffled.begin() + (shuffled.isEmpty() ? 0 : shuffled.size() / 2), shuffled.end());
    received.query = shuffled;
    const QByteArray canonical = aws::SigV4::canonicalRequest(received, auth->signedHeaders, payload);
    check(aws::SigV4::signature(credentials.secretAccessKey.toUtf8(), date, "us-east-1", "omics", canonical) ==
          auth->signature);
}

oss::SignableRequest ossRequest(FuzzedDataProvider& input)
{
    static const QStringList queryNames = {u"uploads"_s, u"uploadId"_s, u"partNumber"_s, u"acl"_s,
                                           u"max-parts"_s, u"part-number-marker"_s, u"response-content-type"_s};
    oss::SignableRequest r;
    r.method = input.PickValueInArray({"GET", "PUT", "POST", "DELETE", "HEAD"});
    r.bucket = QString::fromUtf8(bytes(input, 16));
    r.key = QString::fromUtf8(bytes(input));
    const int queryItems = input.ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < queryItems; ++i) {
        const QString name = input.ConsumeBool() ? queryNames.at(input.ConsumeIntegralInRange<qsizetype>(0, 6))
                                                 : QString::fromUtf8(bytes(input, 12));
        r.query.append({name, QString::fromUtf8(bytes(input, 16))});
    }
    const int headers = input.ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < headers; ++i)
        r.headers.append({headerName(input), bytes(input, 32)});
    return r;
}

// Distinct names (case-insensitively): where a name repeats, its values keep the order they
// were sent in, which is the order the wire has too.
template <typename List, typename Key> bool distinct(const List& items, Key key)
{
    QSet<QByteArray> seen;
    for (const auto& item : items) {
        if (seen.contains(key(item)))
            return false;
        seen.insert(key(item));
    }
    return true;
}

void ossV1(const oss::SignableRequest& request, const QDateTime& now, const QByteArray& secret)
{
    oss::SignableRequest reversed = request;
    std::reverse(reversed.query.begin(), reversed.query.end());
    std::reverse(reversed.headers.begin(), reversed.headers.end());
    if (distinct(request.query, [](const auto& q) { return q.first.toUtf8(); }) &&
        distinct(request.headers, [](const auto& h) { return h.first.toLower(); }))
        check(oss::SignatureV1::stringToSign(reversed, "date") == oss::SignatureV1::stringToSign(request, "date"));

    oss::OssCredentials credentials{u"STS.AK"_s, QString::fromUtf8(secret), u"token"_s, {}};
    oss::SignableRequest signedRequest = request;
    oss::SignatureV1::signHeaders(signedRequest, credentials, now);
    const QByteArray auth = signedRequest.header("Authorization");
    check(auth.startsWith("OSS STS.AK:"));
    // The secret as the credentials hold it (text: bytes that are not UTF-8 do not survive).
    const QByteArray expected = oss::SignatureV1::signature(
        credentials.accessKeySecret.toUtf8(),
        oss::SignatureV1::stringToSign(signedRequest, oss::SignatureV1::headerDate(signedRequest)));
    check(auth.mid(11) == expected);
}

void ossV4(const oss::SignableRequest& request, const QDateTime& now, const QByteArray& secret,
           const QByteArrayList& additional)
{
    const QByteArrayList normalized = oss::SignatureV4::normalizeAdditionalHeaders(request, additional);
    check(oss::SignatureV4::normalizeAdditionalHeaders(request, normalized) == normalized);
    for (qsizetype i = 1; i < normalized.size(); ++i)
        check(normalized[i - 1] < normalized[i]);

    oss::SignableRequest reversed = request;
    std::reverse(reversed.query.begin(), reversed.query.end());
    std::reverse(reversed.headers.begin(), reversed.headers.end());
    if (distinct(request.headers, [](const auto& h) { return h.first.toLower(); }))
        check(oss::SignatureV4::canonicalRequest(reversed, normalized) ==
              oss::SignatureV4::canonicalRequest(request, normalized));

    oss::OssCredentials credentials{u"STS.AK"_s, QString::fromUtf8(secret), u"token"_s, {}};
    oss::SignableRequest signedRequest = request;
    oss::SignatureV4::signHeaders(signedRequest, credentials, now, "cn-shenzhen", additional);
    const std::optional<oss::SignatureV4::Authorization> auth =
        oss::SignatureV4::parseAuthorization(signedRequest.header("Authorization"));
    check(auth.has_value() && auth->accessKeyId == "STS.AK" && auth->region == "cn-shenzhen");
    check(auth->additionalHeaders == normalized);
    check(oss::SignatureV4::signature(credentials.accessKeySecret.toUtf8(), signedRequest.header("x-oss-date"),
                                      "cn-shenzhen",
                                      oss::SignatureV4::canonicalRequest(signedRequest, auth->additionalHeaders)) ==
          auth->signature);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The raw bytes as header values a verifier parses.
    const QByteArrayView raw(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)aws::SigV4::parseAuthorization(raw);
    (void)oss::SignatureV4::parseAuthorization(raw);
    (void)oss::SignatureV4::parseCredential(raw);
    const QDateTime parsed = aws::SigV4::fromAmzDate(raw);
    if (parsed.isValid())
        check(aws::SigV4::amzDate(parsed) == raw.toByteArray());

    FuzzedDataProvider input(data, size);
    // Any second from 1970 to 2100, in UTC.
    const QDateTime now =
        QDateTime::fromSecsSinceEpoch(input.ConsumeIntegralInRange<qint64>(0, 4102444799), QTimeZone::utc());
    encoding(bytes(input, 128));
    sigv4(input, now);
    const oss::SignableRequest request = ossRequest(input);
    const QByteArray secret = bytes(input, 40);
    QByteArrayList additional;
    const int extra = input.ConsumeIntegralInRange(0, 4);
    for (int i = 0; i < extra; ++i)
        additional.append(input.ConsumeBool() && !request.headers.isEmpty() ? request.headers.first().first
                                                                             : bytes(input, 12));
    ossV1(request, now, secret);
    ossV4(request, now, secret, additional);
    return 0;
}

// The emulator and the sandbox run in whatever zone the machine has: parse dates there too.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    setenv("TZ", "America/New_York", 1);
    return 0;
}
