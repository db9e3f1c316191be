#include "account.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "auth/oauthclient.h"
#include "auth/session.h"
#include "auth/sessionstore.h"

namespace bge::ui {

Account::Account(Profile profile, CredentialStore* credentials, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_credentials(credentials)
{
    m_connection = new ApiConnection(m_profile.endpoint, &m_network, this);
    m_oauth = std::make_unique<OAuthClient>(m_connection, m_profile.clientId);
    m_session = new Session(m_oauth.get(), this);
    m_connection->setTokenProvider(m_session);
    m_api = std::make_unique<PlatformApi>(m_connection);
    m_sessionStore = new SessionStore(credentials, this);
}

Account::~Account() = default;

} // namespace bge::ui
