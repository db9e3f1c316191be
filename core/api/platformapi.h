#pragma once

#include "apijob.h"
#include "paging.h"
#include "queries.h"
#include "records/abundance.h"
#include "records/sample.h"
#include "records/tokens.h"
#include "records/user.h"
#include "records/variant.h"

namespace bge {

// Every data call of the platform (reference §4), as jobs: create, then run(context, handler)
// or start(). Arguments the platform would refuse are caught here first when that can be
// known locally (a malformed rsid), so the caller gets a precise message.
class PlatformApi final
{
public:
    explicit PlatformApi(ApiConnection* connection) : m_connection(connection) {}

    ApiConnection* connection() const { return m_connection; }

    Job<QString>* ping();
    // Without a token: the one the call itself is sent with (as renewed by the session).
    Job<TokenInfo>* introspect(const QString& accessToken = {});
    Job<User>* user();
    Job<Page<Sample>>* samples(const SampleQuery& query, const PageToken& page = {}, int limit = 50);
    Job<Sample>* sample(const QString& biosampleId, bool requireFiles = false);
    Job<QList<ExternalIdMapping>>* externals(const ExternalIdQuery& query);
    Job<QString>* registerSample(const SampleRegistration& registration);
    Job<Done>* improveSample(const QString& biosampleId, const QList<std::pair<QString, QString>>& fields);
    // Any number of rsids: more than 100 are split into several calls, answered in order.
    Job<QList<Variant>>* variants(const QString& biosampleId, const QStringList& rsids);
    Job<Page<TaxonAbundance>>* taxonAbundance(const QString& biosampleId, const QStringList& taxonIds = {},
                                              const PageToken& page = {}, int limit = 50);
    Job<Page<FunctionAbundance>>* functionAbundance(const QString& biosampleId, const QString& catalog,
                                                    const QStringList& ids = {}, const PageToken& page = {},
                                                    int limit = 50);
    Job<Page<GeneAbundance>>* geneAbundance(const QString& biosampleId, const QString& catalog,
                                            const QString& dataType, const QStringList& ids = {},
                                            const PageToken& page = {}, int limit = 50);
    Job<UploadToken>* uploadToken(const QString& regionId = {}, bool internal = false);
    Job<DownloadUrl>* downloadUrl(const QString& objectName, const QString& region = QStringLiteral("domestic"),
                                  int expirationSeconds = 600);
    Job<ModelResult>* invokeModel(const QString& modelId, const QList<std::pair<QString, QString>>& parameters);

    static constexpr int kMaxRsidsPerCall = 100;
    // Problems with rsids as a person should read them; empty when all are valid.
    static QStringList invalidRsids(const QStringList& rsids);

private:
    ApiConnection* m_connection;
};

} // namespace bge
