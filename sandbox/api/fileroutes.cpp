// Object storage hand-off: temporary upload credentials and presigned download URLs.
#include "apicontext.h"
#include "demoworld.h"
#include "envelope.h"
#include "oss/signaturev1.h"
#include "requestparams.h"
#include "samplerepository.h"
#include "stsregistry.h"

#include <QRandomGenerator>
#include <QUrl>

#include <httplib.h>

#include <algorithm>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxSignedUrlSeconds = 7 * 24 * 3600; // OSS's own ceiling for signed URLs

QString randomBase64(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64());
}

bool isLoopbackEndpoint(const QUrl& url)
{
    const QString host = url.host();
    return host == u"localhost" || host.startsWith(u"127.") || host == u"::1";
}

// Path-style URLs for loopback/IP endpoints, virtual-hosted ones otherwise (as OSS requires).
// Sandbox convention: a host name without a dot (--advertise-host with this machine's name) is
// path-style too, as the client does: no subdomain of it resolves.
QString objectUrl(const ApiSettings& settings, const QString& key)
{
    const QUrl endpoint(settings.ossEndpoint);
    const QString path = QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
    if (isLoopbackEndpoint(endpoint) || endpoint.host().isEmpty() || !endpoint.host().contains(u'.'))
        return settings.ossEndpoint + u'/' + settings.bucket + u'/' + path;
    QUrl hosted = endpoint;
    hosted.setHost(settings.bucket + u'.' + endpoint.host());
    return hosted.toString(QUrl::RemovePath | QUrl::StripTrailingSlash) + u'/' + path;
}

void handleStsToken(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "service.file:write");
    if (!grant)
        return;
    const RequestParams p(req);
    const QString region = p.value("region_id");
    const auto internal = p.boolean("internal", false);
    if (!internal || (!region.isEmpty() && region != api.settings.region && region != u"oss-" + api.settings.region))
        return sendError(res, ApiCode::InvalidParameter);

    // The sandbox has no VPC: `internal` is accepted and the same endpoint is advertised.
    const QString destination = api.world.uploadDestination(grant->principal);
    StsGrant sts;
    sts.accessKeyId = u"STS."_s + randomToken(25);
    sts.accessKeySecret = randomToken(44);
    sts.securityToken = u"CAIS"_s + randomBase64(420);
    sts.expiration = QDateTime::currentDateTimeUtc().addSecs(api.settings.stsTtlSeconds);
    sts.clientId = grant->principal.clientId;
    sts.prefix = destination + u'/';
    sts.writable = true;
    api.sts.add(sts);

    sendSuccess(res, QJsonObject{
                         {u"base_uri"_s, objectUrl(api.settings, destination)},
                         {u"credentials"_s, QJsonObject{{u"access_key_id"_s, sts.accessKeyId},
                                                        {u"access_key_secret"_s, sts.accessKeySecret},
                                                        {u"security_token"_s, sts.securityToken},
                                                        {u"expiration"_s, sts.expiration.toString(Qt::ISODate)}}},
                         {u"endpoint"_s, api.settings.ossEndpoint},
                         {u"destination"_s, destination},
                         {u"bucket"_s, api.settings.bucket},
                         {u"region_id"_s, api.settings.region},
                     });
}

// May the principal read this object? Its own uploads (one level under its destination)
// and the result files of its samples (sandbox convention).
bool mayRead(const ApiContext& api, const Principal& principal, const QString& key)
{
    const QString prefix = api.world.uploadDestination(principal) + u'/';
    if (key.startsWith(prefix) && !key.mid(prefix.size()).contains(u'/') && key.size() > prefix.size())
        return true;
    bool found = false;
    api.samples.forEachVisible(principal, [&](const Sample& s) {
        found = std::any_of(s.files.cbegin(), s.files.cend(),
                            [&](const SampleFile& f) { return f.objectName == key; });
        return !found;
    });
    return found;
}

void handleSignUrl(ApiContext& api, const httplib::Request& req, httplib::Response& res, const StsGrant& signer)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "service.file:read");
    if (!grant)
        return;
    const RequestParams p(req);
    const QString key = p.required("object_name").value_or(QString());
    const QString region = p.has("region") ? p.value("region") : u"domestic"_s;
    const auto seconds = p.integer("expiration_time", 600, 1, kMaxSignedUrlSeconds);
    if (key.isEmpty() || key.startsWith(u'/') || (region != u"domestic" && region != u"international") || !seconds)
        return sendError(res, ApiCode::InvalidParameter);
    if (!mayRead(api, grant->principal, key))
        return sendError(res, ApiCode::NoPermission);

    oss::SignableRequest r;
    r.method = "GET";
    r.bucket = api.settings.bucket;
    r.key = key;
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + *seconds;
    oss::SignatureV1::presign(r, {signer.accessKeyId, signer.accessKeySecret, signer.securityToken, {}}, expires);
    QString query;
    for (const auto& [name, value] : r.query)
        query += (query.isEmpty() ? u'?' : u'&') + name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    sendSuccess(res, QJsonObject{{u"url"_s, QString(objectUrl(api.settings, key) + query)},
                                 {u"expires"_s, QString::number(expires)}});
}

} // namespace

void registerFileRoutes(httplib::Server& server, ApiContext& api)
{
    // The platform presigns downloads with credentials of its own: read-only, whole bucket.
    StsGrant signer;
    signer.accessKeyId = u"STS."_s + randomToken(25);
    signer.accessKeySecret = randomToken(44);
    signer.securityToken = u"CAIS"_s + randomBase64(420);
    signer.expiration = QDateTime::currentDateTimeUtc().addYears(10);
    signer.writable = false;
    api.sts.add(signer);

    server.Post("/sts/token",
                [&api](const httplib::Request& req, httplib::Response& res) { handleStsToken(api, req, res); });
    server.Post("/oss/sign_url", [&api, signer](const httplib::Request& req, httplib::Response& res) {
        handleSignUrl(api, req, res, signer);
    });
}

} // namespace bge::sandbox
