#pragma once

#include "api/records/tokens.h"
#include "api/tokenprovider.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace bge {

class JobBase;
class OAuthClient;
class SessionStore;

// Holds the access token of one signed-in profile and keeps it fresh. Before a call, a token
// that expires within the margin is renewed first; a 403 `access_token 已失效或错误` makes the
// call wait for one renewal and replay. Calls made while a renewal is under way wait for it
// (one renewal, however many calls). Renewal uses the refresh token (authorization-code apps)
// or asks for a new client-credentials token. Secrets stay in memory; persisting the refresh
// token is the owner's job, on grantChanged() — except for a session shared through the
// keychain (shareThrough()), whose refresh-token renewals run under the profile's lock across
// processes and store their grant themselves (SharedRenewal).
class Session final : public QObject, public TokenProvider
{
    Q_OBJECT
public:
    enum class Renewal { None, RefreshToken, ClientCredentials };

    explicit Session(OAuthClient* oauth, QObject* parent = nullptr);
    ~Session() override;

    void setClientSecret(const QString& secret) { m_clientSecret = secret; }
    bool hasClientSecret() const { return !m_clientSecret.isEmpty(); }

    // The desktop app and every `bge` of the user share the profile's session in `store`:
    // refresh-token renewals are coordinated with them (see SharedRenewal) and store the new
    // grant themselves, without grantChanged().
    void shareThrough(SessionStore* store, const QString& profile);

    // After a code exchange (or a client-credentials token obtained elsewhere).
    void setGrant(const TokenGrant& grant);
    // What the keychain held at start-up (no grantChanged(): it is stored already). A grant
    // without an access token is a session known only by its refresh token.
    void restore(const TokenGrant& stored);
    // A session known only by its refresh token (from the keychain): the first call renews.
    void restoreFromRefreshToken(const QString& refreshToken);
    // Client-credentials app: the first call fetches a token, later ones fetch new tokens.
    void useClientCredentials();
    void signOut();

    const TokenGrant& grant() const { return m_grant; }
    const QString& refreshToken() const { return m_refreshToken; }
    Renewal renewal() const { return m_renewal; }
    bool canAuthenticate() const;
    bool isRenewing() const { return m_renewalJob != nullptr; }
    int renewalCount() const { return m_renewals; }
    // Seconds before expiry at which the token is renewed ahead of use.
    qint64 expiryMarginSeconds() const { return expiryMarginSeconds(m_grant); }
    static qint64 expiryMarginSeconds(const TokenGrant& grant);
    // An access token usable now, not within the margin of its expiry.
    static bool isFresh(const TokenGrant& grant);

    void acquireToken(QObject* context, TokenCallback ready) override;
    void tokenRejected(const QString& accessToken) override;
    // Renews now (e.g. to check stored credentials at start-up); waiters are served as usual.
    void renew();

Q_SIGNALS:
    // A new grant: the refresh token may have rotated and should be stored again.
    void grantChanged();
    // Renewal failed; with Authentication kind the stored credentials are no longer valid.
    void renewalFailed(const bge::ApiError& error);
    void signedOut();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback ready;
    };
    bool tokenIsFresh() const { return isFresh(m_grant); }
    void startRenewal();
    void applyGrant(const TokenGrant& grant, bool announce);
    void onRenewed(const Result<TokenGrant>& result);
    void serveWaiters(const QString& token, const ApiError& error);
    static void post(QObject* context, const TokenCallback& ready, const QString& token, const ApiError& error);

    OAuthClient* m_oauth;
    QString m_clientSecret;
    TokenGrant m_grant;
    QString m_refreshToken;
    Renewal m_renewal = Renewal::None;
    QList<Waiter> m_waiters;
    QPointer<JobBase> m_renewalJob;
    int m_renewals = 0;
    QPointer<SessionStore> m_sharedStore;
    QString m_profile;
    QString m_rejectedAccessToken;
    bool m_renewalShared = false;
};

} // namespace bge
