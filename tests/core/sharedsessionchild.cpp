// A second program holding the same profile's session, for tst_sharedsession: what a `bge`
// command or the desktop app does with it. Loads the session from the keychain, says "ready",
// waits for "go" on stdin (so that every child starts from the same token), then renews the
// access token ROUNDS times, each followed by a call that needs it. One line per event on
// stdout; exit 0 when every call succeeded, 1 at the first failure (with the error).
//
//   BGE_CLIENT_SECRET=… sharedsessionchild ENDPOINT CLIENT_ID PROFILE ROUNDS shared|unshared
//
// "unshared" is the behaviour before sessions were coordinated: renew with the copy in memory,
// store the new grant afterwards.
#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "auth/oauthclient.h"
#include "auth/session.h"
#include "auth/sessionstore.h"
#include "credentials/credentialstore.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

class Child final : public QObject
{
public:
    Child(const QStringList& a)
        : m_connection(QUrl(a[1]), &m_network), m_oauth(&m_connection, a[2]), m_session(&m_oauth),
          m_api(&m_connection), m_profile(a[3]), m_rounds(a[4].toInt())
    {
        m_credentials = createSystemCredentialStore(u"BGE Desktop"_s);
        m_store = new SessionStore(m_credentials.get(), this);
        m_connection.setTokenProvider(&m_session);
        m_session.setClientSecret(qEnvironmentVariable("BGE_CLIENT_SECRET"));
        if (a[5] == u"shared")
            m_session.shareThrough(m_store, m_profile);
        else
            connect(&m_session, &Session::grantChanged, this, [this] { m_store->saveGrant(m_profile, m_session.grant()); });
    }

    void start()
    {
        m_store->load(m_profile, [this](const SessionStore::Secrets& s) {
            if (s.grant.refreshToken.isEmpty())
                return end(1, u"error: no stored session "_s + s.problem);
            m_session.restore(s.grant);
            say(u"ready"_s);
            m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
            connect(m_stdin, &QSocketNotifier::activated, this, [this] {
                char c = 0;
                while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n') {
                }
                m_stdin->setEnabled(false);
                round();
            });
        });
    }

private:
    void round()
    {
        if (m_done == m_rounds)
            return end(0, u"done"_s);
        m_session.renew();
        m_api.user()->run(this, [this](const Result<User>& user) {
            if (!user)
                return end(1, u"error: "_s + ApiError::kindName(user.error().kind()) + u' ' + user.error().fullText());
            say(u"ok %1"_s.arg(++m_done));
            round();
        });
    }

    void end(int code, const QString& line)
    {
        say(line);
        // The keychain writes land before the process goes.
        if (m_store->pendingWrites() == 0)
            return QCoreApplication::exit(code);
        connect(m_store, &SessionStore::writesFinished, this, [code] { QCoreApplication::exit(code); });
    }

    QNetworkAccessManager m_network;
    ApiConnection m_connection;
    OAuthClient m_oauth;
    Session m_session;
    PlatformApi m_api;
    std::unique_ptr<CredentialStore> m_credentials;
    SessionStore* m_store = nullptr;
    QSocketNotifier* m_stdin = nullptr;
    QString m_profile;
    int m_rounds = 0;
    int m_done = 0;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() != 6) {
        std::fputs("usage: sharedsessionchild ENDPOINT CLIENT_ID PROFILE ROUNDS shared|unshared\n", stderr);
        return 2;
    }
    Child child(a);
    QMetaObject::invokeMethod(&child, [&child] { child.start(); }, Qt::QueuedConnection);
    return app.exec();
}
