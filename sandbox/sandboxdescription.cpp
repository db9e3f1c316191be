#include "sandboxdescription.h"

#include "demo/demoworld.h"
#include "demo/interpretationmodels.h"
#include "demo/platformcodes.h"
#include "demo/samplerepository.h"
#include "omics/omicsdemo.h"
#include "sandboxoptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

// One analysed sample of each omics type the principal owns.
QJsonObject exampleSamples(const SampleRepository& samples, const Principal& principal)
{
    QJsonObject o;
    samples.forEachVisible(principal, [&o](const Sample& s) {
        if (!s.dataAvailability)
            return true;
        const QString kind = s.omic == kOmicGenomics ? u"genomics"_s : u"metagenomics"_s;
        if (!o.contains(kind))
            o.insert(kind, s.biosampleId);
        return o.size() < 2;
    });
    return o;
}

QJsonObject describeOmics(const omics::OmicsDemo& demo, const QString& endpoint)
{
    QJsonArray stores;
    for (const omics::DemoStore& s : demo.stores)
        stores.append(QJsonObject{{u"id"_s, s.id}, {u"name"_s, s.name}});
    QJsonArray sources;
    for (const omics::DemoSource& s : demo.sources)
        sources.append(QJsonObject{{u"uri"_s, s.uri}, {u"file_type"_s, s.fileType}});
    return {{u"endpoint"_s, endpoint},
            {u"region"_s, demo.region},
            {u"access_key_id"_s, demo.accessKeyId},
            {u"secret_access_key"_s, demo.secretAccessKey},
            {u"account_id"_s, demo.accountId},
            {u"sequence_stores"_s, stores},
            {u"reference_arn"_s, demo.referenceArn},
            {u"import_role_arn"_s, demo.importRoleArn},
            {u"s3_sources"_s, sources}};
}

} // namespace

QByteArray describeSandbox(const DemoWorld& world, const SampleRepository& samples, const QString& apiEndpoint,
                           const QString& ossEndpoint, const QString& bucket, const QString& region,
                           const QString& autoApproveParameter, const SandboxOptions& options,
                           const omics::OmicsDemo& omicsDemo, const QString& omicsEndpoint,
                           const QString& caFile)
{
    QJsonArray users;
    for (const DemoUser& u : world.users()) {
        users.append(QJsonObject{{u"username"_s, u.username},
                                 {u"password"_s, u.password},
                                 {u"nickname"_s, u.nickname},
                                 {u"samples"_s, exampleSamples(samples, {QString(), u.username})}});
    }
    QJsonArray clients;
    for (const DemoClient& c : world.clients()) {
        QJsonObject o{{u"client_id"_s, c.clientId},
                      {u"client_secret"_s, c.clientSecret},
                      {u"name"_s, c.name},
                      {u"grant_type"_s, c.grantType == GrantType::AuthorizationCode ? u"authorization_code"_s
                                                                                    : u"client_credentials"_s},
                      {u"redirect_uris"_s, QJsonArray::fromStringList(c.redirectUris)},
                      {u"scopes"_s, QJsonArray::fromStringList(c.scopes)}};
        if (c.grantType == GrantType::ClientCredentials)
            o.insert(u"samples"_s, exampleSamples(samples, {c.clientId, QString()}));
        clients.append(o);
    }
    QJsonArray models;
    QJsonArray modelDetails;
    for (const InterpretationModel& m : interpretationModels()) {
        models.append(QString::fromUtf16(m.id));
        modelDetails.append(QJsonObject{{u"model_id"_s, QString::fromUtf16(m.id)},
                                        {u"name"_s, QString::fromUtf16(m.name)},
                                        {u"omics"_s, m.requiredOmic == kOmicGenomics ? u"genomics"_s : u"metagenomics"_s}});
    }
    QJsonObject description{
        {u"api_endpoint"_s, apiEndpoint},
        {u"oss_endpoint"_s, ossEndpoint},
        {u"bucket"_s, bucket},
        {u"region"_s, region},
        {u"auto_approve_param"_s, autoApproveParameter},
        {u"users"_s, users},
        {u"clients"_s, clients},
        {u"models"_s, models},
        {u"model_details"_s, modelDetails},
        {u"seed"_s, QString::number(options.seed)},
        {u"token_ttl"_s, double(options.tokenTtlSeconds)},
        {u"sts_ttl"_s, double(options.stsTtlSeconds)},
        {u"fault_injection"_s, options.faults.enabled()},
        {u"version"_s, QStringLiteral(BGE_VERSION)},
        {u"omics"_s, describeOmics(omicsDemo, omicsEndpoint)},
    };
    if (options.tls) {
        description.insert(u"tls"_s, true);
        description.insert(u"ca_file"_s, caFile);
    }
    return QJsonDocument(description).toJson(QJsonDocument::Compact);
}

} // namespace bge::sandbox
