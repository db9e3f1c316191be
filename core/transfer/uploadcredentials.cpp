#include "uploadcredentials.h"

#include "api/platformapi.h"
#include "api/tokenprovider.h"
#include "net/transportpolicy.h"

#include <algorithm>

namespace bge {

qint64 renewalMarginSeconds(const QDateTime& obtained, const QDateTime& expiration)
{
    const qint64 lifetime = obtained.secsTo(expiration);
    return std::clamp<qint64>(lifetime / 5, 1, 300);
}

PlatformUploadCredentials::PlatformUploadCredentials(PlatformApi* api, TokenProvider* tokens, QObject* parent)
    : QObject(parent), m_api(api), m_tokens(tokens)
{
}

void PlatformUploadCredentials::acquire(QObject* context, bool renew, Callback ready)
{
    if (!renew && m_cached && m_cached->credentials.expiration.isValid() &&
        QDateTime::currentDateTimeUtc().addSecs(5) < m_cached->credentials.expiration) {
        QMetaObject::invokeMethod(
            context, [ready, target = *m_cached] { ready(target); }, Qt::QueuedConnection);
        return;
    }
    if (!m_clientId.isEmpty()) {
        fetchToken(context, std::move(ready));
        return;
    }
    QPointer<QObject> guard(context);
    m_tokens->acquireToken(this, [this, guard, ready](const QString& accessToken, const ApiError& error) {
        if (!guard)
            return;
        if (error) {
            ready(error);
            return;
        }
        m_api->introspect(accessToken)->run(this, [this, guard, ready](const Result<TokenInfo>& info) {
            if (!guard)
                return;
            if (!info.ok()) {
                ready(info.error());
                return;
            }
            if (info->clientId.isEmpty()) {
                ready(ApiError::malformed(QStringLiteral("introspect: no client_id for the session's token")));
                return;
            }
            m_clientId = info->clientId;
            fetchToken(guard, ready);
        });
    });
}

void PlatformUploadCredentials::fetchToken(QObject* context, Callback ready)
{
    m_api->uploadToken()->run(context, [this, ready](const Result<UploadToken>& token) {
        if (!token.ok()) {
            ready(token.error());
            return;
        }
        // Finding 5: the platform's word is not enough to send STS credentials and file bytes in clear.
        if (const QString refusal = net::clearTextRefusal(QUrl(token->endpoint), tr("the object-storage endpoint"));
            !refusal.isEmpty()) {
            ready(ApiError::transportRefused(refusal, QStringLiteral("upload credentials")));
            return;
        }
        UploadTarget t;
        t.credentials = {token->accessKeyId, token->accessKeySecret, token->securityToken, token->expiration};
        t.endpoint = token->endpoint;
        t.bucket = token->bucket;
        t.region = token->regionId;
        t.destination = token->destination;
        t.clientId = m_clientId;
        m_cached = t;
        ready(t);
    });
}

} // namespace bge
