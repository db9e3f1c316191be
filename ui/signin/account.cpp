#include "account.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "auth/oauthclient.h"
#include "auth/session.h"
#include "auth/sessionstore.h"

namespace bge::ui {

Account::Account(Profile profile, CredentialStore* credentials, QObject* parent)
    : QObject(parent), m_profile(std::move(profile)), m_credentials(credentials)
{
    m_connection = new ApiConnection(m_profile.endpoint, &m_network, this);
    m_oauth = std::make_unique<OAuthClient>(m_connection, m_profile.clientId);
    m_session = new Session(m_oauth.get(), this);
    m_connection->setTokenProvider(m_session);
    m_api = std::make_unique<PlatformApi>(m_connection);
    m_sessionStore = new SessionStore(credentials, this);
    // `bge` commands renew the same stored session: in turn, through the keychain.
    m_session->shareThrough(m_sessionStore, m_profile.name);
    // A refresh token rotates on use: the keychain must always hold the latest one.
    connect(m_session, &Session::grantChanged, this,
            [this] { m_sessionStore->saveGrant(m_profile.name, m_session->grant()); });
}

Account::~Account() = default;

void Account::signOut()
{
    m_session->signOut();
    m_sessionStore->forget(m_profile.name);
    Q_EMIT signedOut();
}

} // namespace bge::ui
