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
    const bool inFlight = !m_waiting.isEmpty();
    m_waiting.append({context, std::move(ready)});
    if (!inFlight)
        fetch();
}

void PlatformUploadCredentials::fetch()
{
    if (!m_clientId.isEmpty()) {
        fetchToken();
        return;
    }
    m_tokens->acquireToken(this, [this](const QString& accessToken, const ApiError& error) {
        if (error) {
            settle(error);
            return;
        }
        m_api->introspect(accessToken)->run(this, [this](const Result<TokenInfo>& info) {
            if (!info.ok()) {
                settle(info.error());
                return;
            }
            if (info->clientId.isEmpty()) {
                settle(
                    ApiError::malformed(QStringLiteral("introspect: no client_id for the session's token")));
                return;
            }
            m_clientId = info->clientId;
            fetchToken();
        });
    });
}

void PlatformUploadCredentials::fetchToken()
{
    m_api->uploadToken()->run(this, [this](const Result<UploadToken>& token) {
        if (!token.ok()) {
            settle(token.error());
            return;
        }
        // Finding 5: the platform's word is not enough to send STS credentials and file bytes in clear.
        if (const QString refusal = net::clearTextRefusal(QUrl(token->endpoint), tr("the object-storage endpoint"));
            !refusal.isEmpty()) {
            settle(ApiError::transportRefused(refusal, QStringLiteral("upload credentials")));
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
        settle(t);
    });
}

void PlatformUploadCredentials::settle(const Result<UploadTarget>& target)
{
    // Taken first: a caller may ask again from its callback (a new fetch, or the cache).
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting& w : waiting) {
        if (w.context)
            w.ready(target);
    }
}

} // namespace bge
