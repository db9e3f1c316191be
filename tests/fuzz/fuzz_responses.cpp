// libFuzzer target: arbitrary bytes as the body of a platform answer, through parseEnvelope
// and then every record, list and page parser, the way the API jobs use them. Parsing needs
// no QCoreApplication (QJsonDocument, QDateTime and QUrl work without one).
#include "api/envelope.h"
#include "api/jsonfields.h"
#include "api/listparsers.h"
#include "api/records/abundance.h"
#include "api/records/sample.h"
#include "api/records/tokens.h"
#include "api/records/user.h"
#include "api/records/variant.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace bge;

namespace {

// Violated invariants abort, so libFuzzer saves the input like any other crash.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Formats the error as it would be logged and shown, which walks detail and data.
template <typename T> void consume(const Result<T>& result)
{
    if (!result) {
        check(result.error().kind() == ApiError::Kind::Malformed);
        check(!result.error().fullText().isEmpty());
    }
}

void parsePages(const Envelope& envelope)
{
    const Result<Page<Sample>> samples = parseResultPage<Sample>(envelope, QStringLiteral("samples"));
    consume(samples);
    if (samples) {
        for (const Sample& s : samples->items)
            check(!s.biosampleId.isNull() && s.projectIds().size() == s.projects.size());
        if (samples->next)
            check(!samples->next->isFirst());
    }
    consume(parseResultPage<FunctionAbundance>(envelope, QStringLiteral("func_abundance")));
    consume(parseResultPage<GeneAbundance>(envelope, QStringLiteral("gene_abundance")));
}

void parseLists(const Envelope& envelope)
{
    const Result<QList<Variant>> variants = parseList<Variant>(envelope.data, QStringLiteral("variants"));
    consume(variants);
    if (variants) {
        for (const Variant& v : variants.value())
            (void)v.zygosity();
    }
    consume(parseList<TaxonAbundance>(envelope.data, QStringLiteral("taxon_abundance")));
    consume(parseList<ExternalIdMapping>(envelope.data, QStringLiteral("external_ids")));

    // The taxon page's sibling pagination object, read as PlatformApi::taxonAbundance does.
    JsonFields pagination(envelope.pagination, QStringLiteral("pagination"));
    (void)pagination.integer(u"count");
    (void)pagination.integer(u"page");
}

void parseRecords(const Envelope& envelope)
{
    const QJsonValue& data = envelope.data;
    consume(Sample::fromJson(data));
    consume(User::fromJson(data));
    consume(TokenGrant::fromJson(data, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)));
    consume(TokenInfo::fromJson(data));
    consume(UploadToken::fromJson(data));
    consume(DownloadUrl::fromJson(data));
    consume(ModelResult::fromJson(data));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size)
{
    // No copy and no terminating NUL: a read past the end is an ASan report, not luck.
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(bytes), qsizetype(size));

    // The same bytes as an error page: only the status and the excerpt matter there.
    const Result<Envelope> failed = parseEnvelope(HttpAnswer{502, "text/html", body});
    check(!failed && failed.error().kind() == ApiError::Kind::Http && failed.error().httpStatus() == 502);
    (void)failed.error().fullText();
    const Result<Envelope> labelledHtml = parseEnvelope(HttpAnswer{200, "text/html; charset=utf-8", body});
    if (!labelledHtml)
        (void)labelledHtml.error().fullText();

    const Result<Envelope> envelope = parseEnvelope(HttpAnswer{200, "application/json", body});
    if (!envelope) {
        const ApiError& error = envelope.error();
        check(error.kind() == ApiError::Kind::Malformed || error.kind() == ApiError::Kind::Api);
        // An API error always carries the platform's non-zero code ({"code": 4294967296} must
        // not wrap around to 0).
        check(error.kind() != ApiError::Kind::Api || error.apiCode() != 0);
        (void)error.fullText();
        return 0;
    }
    parsePages(envelope.value());
    parseLists(envelope.value());
    parseRecords(envelope.value());
    return 0;
}
