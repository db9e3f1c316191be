// libFuzzer target: arbitrary bytes as an object-storage answer body: the InitiateMultipartUpload
// and CompleteMultipartUpload results (xmlText for UploadId, ETag), an <Error> document in the
// body or base64 in the x-oss-err header of a HEAD answer (OssError::parse, as uploads read
// it; downloadresponse::parseOssError, as downloads read it), and the download's header values
// (Content-Range, x-oss-hash-crc64ecma) taken from the first line.
#include "transfer/downloadresponse.h"
#include "transfer/ossrequest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void uploadAnswers(const QByteArray& body)
{
    for (const QString& name : {u"UploadId"_s, u"ETag"_s, u"Code"_s, u"Message"_s, u"RequestId"_s})
        (void)xmlText(body, name);
    for (const int status : {400, 403, 404, 409, 500, 503}) {
        const OssError e = OssError::parse(status, body);
        check(e.status == status);
        if (status == 404)
            check(!e.code.isEmpty());
        const ApiError error = e.toApiError(u"PUT object"_s);
        check(error.kind() == ApiError::Kind::Http && error.httpStatus() == status);
        // The retry and expiry decisions read the code back from the error.
        if (!e.code.isEmpty() && !e.code.contains(u':') && !e.code.startsWith(u"HTTP "_s))
            check(ossCode(error) == e.code);
        (void)isCredentialExpiry(ossCode(error));
        (void)error.fullText();
    }
    // A HEAD answer has no body: the same document, base64 in x-oss-err.
    const OssError head = OssError::parse(403, {}, body.toBase64());
    check(head.code == OssError::parse(403, body).code);
    (void)OssError::parse(403, {}, body); // not base64 at all
}

void downloadAnswers(const QByteArray& body)
{
    const downloadresponse::OssErrorBody e = downloadresponse::parseOssError(body);
    check(e.code.size() <= 200 && e.message.size() <= 500);
    for (const int status : {403, 404})
        (void)downloadresponse::isExpiredSignature(status, e);

    const qsizetype newline = body.indexOf('\n');
    const QByteArray line = newline < 0 ? body : body.left(newline);
    if (const auto range = downloadresponse::parseContentRange(line))
        check(range->first >= 0 && range->first <= range->last && range->last < range->total);
    if (const auto crc = downloadresponse::parseCrc64(line))
        check(QByteArray::number(*crc).toULongLong() == *crc);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    uploadAnswers(body);
    downloadAnswers(body);
    return 0;
}
