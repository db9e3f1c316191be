#include "session.h"

#include "oauthclient.h"
#include "profilelock.h"
#include "sessionstore.h"
#include "sharedrenewal.h"

#include <QLoggingCategory>
#include <QMetaObject>

#include <algorithm>

namespace bge {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "bge.session", QtInfoMsg)

Session::Session(OAuthClient* oauth, QObject* parent) : QObject(parent), m_oauth(oauth) {}

Session::~Session()
{
    if (m_renewalJob) {
        m_renewalJob->disconnect(this);
        m_renewalJob->abort();
    }
    // Every waiting call completes, even when the session goes away under it.
    serveWaiters({}, ApiError::cancelled());
}

void Session::shareThrough(SessionStore* store, const QString& profile)
{
    m_sharedStore = store;
    m_profile = profile;
}

void Session::setGrant(const TokenGrant& grant)
{
    applyGrant(grant, true);
}

void Session::restore(const TokenGrant& stored)
{
    if (stored.accessToken.isEmpty())
        return restoreFromRefreshToken(stored.refreshToken);
    applyGrant(stored, false);
}

void Session::applyGrant(const TokenGrant& grant, bool announce)
{
    m_grant = grant;
    // A refresh that does not rotate the refresh token keeps the one we have.
    if (m_grant.refreshToken.isEmpty() && m_renewal == Renewal::RefreshToken)
        m_grant.refreshToken = m_refreshToken;
    if (!grant.refreshToken.isEmpty()) {
        m_refreshToken = grant.refreshToken;
        m_renewal = Renewal::RefreshToken;
    } else if (m_renewal != Renewal::ClientCredentials) {
        m_renewal = m_refreshToken.isEmpty() ? Renewal::None : Renewal::RefreshToken;
    }
    if (announce)
        Q_EMIT grantChanged();
}

void Session::restoreFromRefreshToken(const QString& refreshToken)
{
    m_grant = {};
    m_refreshToken = refreshToken;
    m_renewal = refreshToken.isEmpty() ? Renewal::None : Renewal::RefreshToken;
}

void Session::useClientCredentials()
{
    m_grant = {};
    m_refreshToken.clear();
    m_renewal = Renewal::ClientCredentials;
}

void Session::signOut()
{
    if (m_renewalJob) {
        // Its Cancelled outcome is not a renewal failure to report, and must not clear a
        // renewal started after a new sign-in.
        m_renewalJob->disconnect(this);
        m_renewalJob->abort();
    }
    m_renewalJob = nullptr;
    m_grant = {};
    m_refreshToken.clear();
    m_clientSecret.clear();
    m_renewal = Renewal::None;
    serveWaiters({}, ApiError::authentication(u"signed out"_s));
    Q_EMIT signedOut();
}

bool Session::canAuthenticate() const
{
    return tokenIsFresh() || (m_renewal != Renewal::None && !m_clientSecret.isEmpty());
}

qint64 Session::expiryMarginSeconds(const TokenGrant& grant)
{
    // A tenth of the lifetime, at most five minutes: a 6-hour token is renewed 5 minutes early.
    return std::clamp<qint64>(grant.expiresIn / 10, 1, 300);
}

bool Session::isFresh(const TokenGrant& grant)
{
    if (grant.accessToken.isEmpty())
        return false;
    if (grant.expiresIn <= 0 || !grant.obtainedAt.isValid())
        return true; // no lifetime given: use it until the platform says otherwise
    return QDateTime::currentDateTimeUtc().secsTo(grant.expiresAt()) > expiryMarginSeconds(grant);
}

void Session::post(QObject* context, const TokenCallback& ready, const QString& token, const ApiError& error)
{
    if (!context)
        return;
    // Queued: the caller is never re-entered from inside acquireToken().
    QMetaObject::invokeMethod(context, [ready, token, error] { ready(token, error); }, Qt::QueuedConnection);
}

void Session::acquireToken(QObject* context, TokenCallback ready)
{
    if (!m_renewalJob && tokenIsFresh())
        return post(context, ready, m_grant.accessToken, {});
    if (!m_renewalJob && (m_renewal == Renewal::None || m_clientSecret.isEmpty())) {
        const QString why = m_renewal == Renewal::None ? u"not signed in"_s : u"no client secret to renew the token"_s;
        return post(context, ready, {}, ApiError::authentication(why));
    }
    m_waiters.append({context, std::move(ready)});
    startRenewal();
}

void Session::tokenRejected(const QString& accessToken)
{
    // Only the current token matters: a call that used an older one simply gets the new one.
    if (!accessToken.isEmpty() && accessToken == m_grant.accessToken) {
        qCInfo(lcSession) << "the platform rejected the access token; renewing";
        m_rejectedAccessToken = accessToken;
        m_grant.accessToken.clear();
    }
}

void Session::renew()
{
    if (m_renewal == Renewal::None || m_clientSecret.isEmpty())
        return;
    startRenewal();
}

void Session::startRenewal()
{
    if (m_renewalJob)
        return;
    ++m_renewals;
    Job<TokenGrant>* job = nullptr;
    m_renewalShared = m_sharedStore && m_renewal == Renewal::RefreshToken;
    if (m_renewalShared)
        job = new SharedRenewal({m_oauth, m_sharedStore, m_profile, ProfileLock::pathFor(m_profile), m_clientSecret,
                                 m_refreshToken, m_rejectedAccessToken});
    else if (m_renewal == Renewal::ClientCredentials)
        job = m_oauth->clientCredentials(m_clientSecret);
    else
        job = m_oauth->refresh(m_clientSecret, m_refreshToken);
    m_renewalJob = job;
    qCInfo(lcSession) << "renewing the access token"
                      << (m_renewal == Renewal::ClientCredentials ? "(client credentials)" : "(refresh token)");
    job->run(this, [this](const Result<TokenGrant>& result) { onRenewed(result); });
}

void Session::onRenewed(const Result<TokenGrant>& result)
{
    m_renewalJob = nullptr;
    if (result) {
        const Renewal mode = m_renewal;
        // A shared renewal has stored its grant already, under the lock.
        applyGrant(result.value(), !m_renewalShared);
        if (mode == Renewal::ClientCredentials)
            m_renewal = Renewal::ClientCredentials;
        return serveWaiters(m_grant.accessToken, {});
    }
    ApiError error = result.error();
    // The platform answered and said no (bad refresh token, revoked client): the stored
    // credentials are dead. A network failure or a 5xx (a proxy or server having a bad
    // moment) leaves them alone for the next attempt.
    if (error.kind() == ApiError::Kind::Authentication) {
        // A shared renewal found no usable token (and dealt with the keychain).
        m_grant = {};
        if (m_renewal == Renewal::RefreshToken) {
            m_refreshToken.clear();
            m_renewal = Renewal::None;
        }
    } else if (error.kind() == ApiError::Kind::Api || (error.kind() == ApiError::Kind::Http && !error.isRetryable())) {
        const QString detail = u"the platform refused to renew the sign-in (%1 %2)"_s.arg(
            error.kind() == ApiError::Kind::Api ? error.apiCode() : error.httpStatus()).arg(error.apiMessage());
        error = ApiError::authentication(detail);
        m_grant = {};
        if (m_renewal == Renewal::RefreshToken) {
            m_refreshToken.clear();
            m_renewal = Renewal::None;
        }
    }
    qCWarning(lcSession).noquote() << "token renewal failed:" << error.fullText();
    serveWaiters({}, error);
    Q_EMIT renewalFailed(error);
}

void Session::serveWaiters(const QString& token, const ApiError& error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter& w : waiters)
        post(w.context, w.ready, token, error);
}

} // namespace bge
