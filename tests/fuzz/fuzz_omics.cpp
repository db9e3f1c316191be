// libFuzzer target: arbitrary bytes as a HealthOmics answer. The same bytes go through the
// restJson1 error parser (as a body, and split into an X-Amzn-Errortype header and a body),
// the credential_process parser, and every record and page parser of core/omics, the way
// the jobs use them. Parsing needs no QCoreApplication.
#include "omics/credentialprocess.h"
#include "omics/omicserror.h"
#include "omics/omicsjob.h"
#include "omics/omicsjson.h"
#include "omics/omicsretry.h"
#include "omics/records/importjob.h"
#include "omics/records/readset.h"
#include "omics/records/readsetupload.h"
#include "omics/records/sequencestore.h"

#include <QTimeZone>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace bge;
using namespace bge::omics;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

template <typename T> void consume(const Result<T>& result)
{
    if (!result) {
        check(result.error().kind() == ApiError::Kind::Malformed);
        check(!result.error().fullText().isEmpty());
    }
}

template <typename T> void page(const QJsonObject& object, QStringView key)
{
    const Result<OmicsPage<T>> p = parsePage<T>(object, key);
    consume(p);
}

void serviceErrors(const QByteArray& bytes)
{
    for (const int status : {400, 403, 404, 429, 500, 503}) {
        const ApiError e = serviceError(status, {}, "rid", bytes);
        check(e.kind() == ApiError::Kind::Service && e.httpStatus() == status);
        check(!e.message().isEmpty());
        check(!e.serviceCode().contains(u':') && !e.serviceCode().contains(u'#') &&
              !e.serviceCode().contains(u','));
        (void)e.fullText();
        (void)StandardRetry::classify(e);
    }
    // The first line as the error-type header, the rest as the body.
    const qsizetype newline = bytes.indexOf('\n');
    if (newline >= 0) {
        const ApiError e = serviceError(400, bytes.left(newline), bytes.left(40), bytes.mid(newline + 1));
        check(!e.message().isEmpty());
        check(e.serviceCode().size() <= 101);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    serviceErrors(bytes);
    const Result<aws::AwsCredentials> credentials =
        parseCredentialProcessOutput(bytes, QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc()));
    if (!credentials)
        check(credentials.error().kind() == ApiError::Kind::Authentication);

    OmicsResponse response;
    response.status = 200;
    response.body = bytes;
    const Result<QJsonObject> object = jsonObject(response);
    if (!object) {
        check(object.error().kind() == ApiError::Kind::Malformed);
        return 0;
    }
    const QJsonObject& o = object.value();
    consume(SequenceStore::fromJson(o));
    consume(ReadSetListItem::fromJson(o));
    const Result<ReadSetMetadata> metadata = ReadSetMetadata::fromJson(o);
    consume(metadata);
    if (metadata) {
        // A layout that parsed is one a download can trust.
        for (const auto& file : {metadata->source1, metadata->source2, metadata->index}) {
            if (file) {
                check(file->totalParts >= 1 && file->totalParts <= 10000 && file->partSize >= 1);
                check(file->contentLength <= qint64(file->totalParts) * file->partSize);
            }
        }
    }
    consume(ReadSetUpload::fromJson(o));
    consume(ReadSetUploadPart::fromJson(o));
    consume(UploadedPart::fromJson(o));
    consume(CompletedUpload::fromJson(o));
    consume(ImportJobSummary::fromJson(o));
    consume(ImportJob::fromJson(o));
    page<SequenceStore>(o, u"sequenceStores");
    page<ReadSetListItem>(o, u"readSets");
    page<ReadSetUpload>(o, u"uploads");
    page<ReadSetUploadPart>(o, u"parts");
    page<ImportJobSummary>(o, u"importJobs");
    for (auto it = o.begin(); it != o.end(); ++it)
        (void)parseTimestamp(it.value());
    return 0;
}
