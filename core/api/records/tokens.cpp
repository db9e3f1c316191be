#include "tokens.h"

#include "api/jsonfields.h"

namespace bge {

using namespace Qt::StringLiterals;

namespace {

QStringList splitScopes(const QString& scope)
{
    return QString(scope).replace(u',', u' ').split(u' ', Qt::SkipEmptyParts);
}

QDateTime fromUnixSeconds(std::optional<qint64> seconds)
{
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC) : QDateTime();
}

} // namespace

Result<TokenGrant> TokenGrant::fromJson(const QJsonValue& value, const QDateTime& obtainedAt)
{
    JsonFields f(value, u"token"_s);
    TokenGrant t;
    t.accessToken = f.requiredString(u"access_token");
    t.refreshToken = f.string(u"refresh_token");
    t.tokenType = f.string(u"token_type");
    t.scopes = splitScopes(f.string(u"scope"));
    t.expiresIn = f.integer(u"expires_in").value_or(0);
    t.obtainedAt = obtainedAt;
    t.raw = f.object();
    if (f.ok() && t.expiresIn < 0)
        f.fail(u"token.expires_in: negative"_s);
    if (!f.ok())
        return f.error();
    return t;
}

Result<TokenInfo> TokenInfo::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"introspection"_s);
    TokenInfo t;
    const std::optional<bool> active = f.boolean(u"active");
    if (!active)
        f.fail(u"introspection.active: required field is missing"_s);
    t.active = active.value_or(false);
    t.clientId = f.string(u"client_id");
    t.username = f.string(u"username");
    t.scopes = splitScopes(f.string(u"scope"));
    t.grantType = f.string(u"grant_type");
    t.issuedAt = fromUnixSeconds(f.integer(u"iat"));
    t.expiresAt = fromUnixSeconds(f.integer(u"exp"));
    t.raw = f.object();
    if (!f.ok())
        return f.error();
    return t;
}

Result<UploadToken> UploadToken::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"upload_token"_s);
    UploadToken t;
    t.baseUri = f.string(u"base_uri");
    t.endpoint = f.requiredString(u"endpoint");
    t.destination = f.requiredString(u"destination");
    t.bucket = f.requiredString(u"bucket");
    t.regionId = f.string(u"region_id");
    JsonFields c(f.objectField(u"credentials"), f.childPath(u"credentials"));
    t.accessKeyId = c.requiredString(u"access_key_id");
    t.accessKeySecret = c.requiredString(u"access_key_secret");
    t.securityToken = c.requiredString(u"security_token");
    const QString expiration = c.requiredString(u"expiration");
    t.expiration = QDateTime::fromString(expiration, Qt::ISODate);
    if (c.ok() && !t.expiration.isValid())
        c.fail(u"upload_token.credentials.expiration: not an ISO 8601 time"_s);
    f.merge(c);
    t.raw = f.object();
    if (!f.ok())
        return f.error();
    return t;
}

Result<DownloadUrl> DownloadUrl::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"download_url"_s);
    DownloadUrl d;
    d.url = QUrl(f.requiredString(u"url"), QUrl::StrictMode);
    const QString expires = f.stringOrNumber(u"expires");
    bool isNumber = false;
    const qint64 seconds = expires.toLongLong(&isNumber);
    d.expires = isNumber ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
    if (f.ok() && (!d.url.isValid() || d.url.scheme().isEmpty()))
        f.fail(u"download_url.url: not an absolute URL"_s);
    if (!f.ok())
        return f.error();
    return d;
}

Result<ModelResult> ModelResult::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"model_result"_s);
    ModelResult m;
    m.modelCode = int(f.integer(u"model_code").value_or(0));
    m.modelMessage = f.string(u"model_msg");
    m.modelData = f.objectField(u"model_data");
    m.raw = f.object();
    if (!f.ok())
        return f.error();
    return m;
}

} // namespace bge
