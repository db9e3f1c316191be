#include "clicontext.h"

#include "output.h"
#include "tableprinter.h"

#include "api/jsonfields.h"
#include "net/cabundle.h"
#include "auth/sessionstore.h"
#include "credentials/credentialstore.h"
#include "omics/omicserror.h"
#include "profiles/profilestore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

QString environment(const char* name)
{
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(name));
}

// The "sandbox" kind is the desktop app's own sandbox: the app opens such a profile by starting
// a sandbox itself and saves that one's endpoint and client into it. A loopback endpoint named
// here is a sandbox someone runs (tests, the fault soak): Custom, or opening that profile in the
// app would start another sandbox and overwrite what bge stored. A profile the app made stays
// its own.
Profile::Kind kindOf(const QUrl& endpoint, const std::optional<Profile>& stored)
{
    if (endpoint.host() == Profile::mainEndpoint().host())
        return Profile::Kind::Main;
    if (endpoint.host() == Profile::backupEndpoint().host())
        return Profile::Kind::Backup;
    if (isLoopbackHost(endpoint.host()) && stored && stored->kind == Profile::Kind::Sandbox)
        return Profile::Kind::Sandbox;
    return Profile::Kind::Custom;
}

} // namespace

CliContext::CliContext(GlobalOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_settings()
{
    m_profiles = std::make_unique<ProfileStore>(&m_settings);
    m_credentials = createSystemCredentialStore(u"BGE Desktop"_s);
    m_sessionStore = new SessionStore(m_credentials.get(), this);
    connect(m_sessionStore, &SessionStore::writeProblem, this, [this](const QString& message) {
        if (message.isEmpty() || m_warned.contains(message))
            return;
        m_warned.insert(message);
        printErr(tr("bge: warning: %1").arg(message) + u'\n');
    });
}

CliContext::~CliContext() = default;

bool CliContext::prepare()
{
    QString name = m_options.profile;
    if (name.isEmpty())
        name = environment("BGE_PROFILE");
    if (name.isEmpty())
        name = m_profiles->defaultName();
    if (name.isEmpty())
        name = u"default"_s;
    if (!ProfileStore::isValidName(name)) {
        usageError(tr("invalid profile name \"%1\" (letters, digits, '.', '_' and '-')").arg(name));
        return false;
    }
    const std::optional<Profile> stored = m_profiles->load(name);
    m_profileSaved = stored.has_value();
    m_profile = stored.value_or(Profile::builtIn(Profile::Kind::Main));
    m_profile.name = name;

    QString endpointText = m_options.endpoint;
    if (endpointText.isEmpty())
        endpointText = environment("BGE_ENDPOINT");
    if (endpointText == u"main")
        m_profile.endpoint = Profile::mainEndpoint();
    else if (endpointText == u"backup")
        m_profile.endpoint = Profile::backupEndpoint();
    else if (!endpointText.isEmpty())
        m_profile.endpoint = normalizedEndpoint(endpointText);
    if (const QString problem = endpointProblem(m_profile.endpoint); !problem.isEmpty()) {
        usageError(problem);
        return false;
    }
    m_profile.kind = kindOf(m_profile.endpoint, stored);
    if (!trustCaBundle())
        return false;

    QString clientId = m_options.clientId;
    if (clientId.isEmpty())
        clientId = environment("BGE_CLIENT_ID");
    if (!clientId.isEmpty() && clientId != m_profile.clientId) {
        m_profile.clientId = clientId;
        // Another application: whatever grant mode was stored applied to the old one.
        if (stored && stored->clientId != clientId) {
            m_profile.grantMode = Profile::GrantMode::AuthorizationCode;
            m_profileSaved = false;
            // So did the session and client secret in the keychain: they are the other app's.
            m_storedSecretsApply = false;
        }
    }

    m_connection = new ApiConnection(m_profile.endpoint, &m_network, this);
    m_connection->setTransferTimeoutMs(m_options.timeoutSeconds * 1000);
    m_api = std::make_unique<PlatformApi>(m_connection);
    m_oauth = std::make_unique<OAuthClient>(m_connection, m_profile.clientId);
    m_session = new Session(m_oauth.get(), this);
    // The desktop app and other `bge` commands renew the same stored session: in turn.
    if (m_storedSecretsApply)
        m_session->shareThrough(m_sessionStore, m_profile.name);
    m_connection->setTokenProvider(this);
    return true;
}

bool CliContext::trustCaBundle()
{
    // As the AWS tools take --ca-bundle over AWS_CA_BUNDLE over the profile's ca_bundle.
    QString path = m_options.caBundle;
    if (path.isEmpty())
        path = environment("BGE_CA_BUNDLE");
    if (path.isEmpty())
        path = m_profile.caBundle;
    const Result<bool> trusted = net::CaBundle::loadAndTrust(path);
    if (!trusted) {
        usageError(trusted.error().detail());
        return false;
    }
    return true;
}

QString CliContext::explicitClientSecret(QString* problem) const
{
    if (!m_options.clientSecretFile.isEmpty()) {
        QFile file(m_options.clientSecretFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *problem = tr("cannot read the client secret file %1: %2").arg(m_options.clientSecretFile, file.errorString());
            return {};
        }
        const QString secret = QString::fromUtf8(file.read(4096)).trimmed();
        if (secret.isEmpty())
            *problem = tr("the client secret file %1 is empty").arg(m_options.clientSecretFile);
        return secret;
    }
    return environment("BGE_CLIENT_SECRET").trimmed();
}

void CliContext::persistGrantChanges()
{
    connect(m_session, &Session::grantChanged, this,
            [this] { m_sessionStore->saveGrant(m_profile.name, m_session->grant()); });
}

void CliContext::acquireToken(QObject* context, TokenCallback ready)
{
    switch (m_auth) {
    case AuthState::Ready:
        return m_session->acquireToken(context, std::move(ready));
    case AuthState::Failed:
        QMetaObject::invokeMethod(context, [ready, error = m_authError] { ready({}, error); }, Qt::QueuedConnection);
        return;
    case AuthState::NotStarted:
        m_waiting.append({context, std::move(ready)});
        return startAuthentication();
    case AuthState::Loading:
        m_waiting.append({context, std::move(ready)});
        return;
    }
}

void CliContext::tokenRejected(const QString& accessToken)
{
    m_session->tokenRejected(accessToken);
}

void CliContext::authenticationDone(const ApiError& error)
{
    m_auth = error ? AuthState::Failed : AuthState::Ready;
    m_authError = error;
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    for (const Waiter& w : waiting) {
        if (w.context)
            acquireToken(w.context, w.ready);
    }
}

void CliContext::startAuthentication()
{
    m_auth = AuthState::Loading;
    QString problem;
    const QString explicitSecret = explicitClientSecret(&problem);
    if (!problem.isEmpty())
        return authenticationDone(ApiError::usage(problem));
    m_sessionStore->load(m_profile.name, [this, explicitSecret](const SessionStore::Secrets& loaded) {
        const SessionStore::Secrets secrets = m_storedSecretsApply ? loaded : SessionStore::Secrets{};
        // When the keychain could not be read, "not signed in" alone would hide the reason.
        if (!loaded.problem.isEmpty())
            printErr(tr("bge: warning: the keychain could not be read: %1").arg(loaded.problem) + u'\n');
        const QString secret = explicitSecret.isEmpty() ? secrets.clientSecret : explicitSecret;
        m_session->setClientSecret(secret);
        const TokenGrant& stored = secrets.grant;
        if (!stored.refreshToken.isEmpty() && !m_profile.clientId.isEmpty()) {
            m_session->restore(stored);
            persistGrantChanges();
            if (!m_session->canAuthenticate())
                return authenticationDone(ApiError::authentication(
                    tr("the stored sign-in needs the client secret to be renewed: set BGE_CLIENT_SECRET or "
                       "--client-secret-file, or run `bge login` again")));
            return authenticationDone({});
        }
        if (m_profile.clientId.isEmpty())
            return authenticationDone(ApiError::authentication(
                tr("not signed in: run `bge login`, or give --client-id and a client secret for client credentials")));
        // A profile `bge login` set up for an authorization-code app cannot use client
        // credentials: the platform would refuse them.
        if (m_profileSaved && m_profile.grantMode == Profile::GrantMode::AuthorizationCode)
            return authenticationDone(ApiError::authentication(tr("not signed in: run `bge login`")));
        if (secret.isEmpty())
            return authenticationDone(ApiError::authentication(
                tr("not signed in and no client secret: run `bge login`, or set BGE_CLIENT_SECRET "
                   "(or --client-secret-file) to use client credentials")));
        // Scripts need no login step: with a client id and a secret, authenticate with client
        // credentials on the fly (nothing is stored).
        m_session->useClientCredentials();
        authenticationDone({});
    });
}

int CliContext::exitCodeFor(const ApiError& error)
{
    switch (error.kind()) {
    case ApiError::Kind::None:
        return ExitSuccess;
    case ApiError::Kind::Api:
        // 403 even after a renewal and a replay: the sign-in itself is the problem.
        return error.isTokenRejected() ? ExitFailure : ExitApiError;
    case ApiError::Kind::Usage:
        return ExitUsage;
    case ApiError::Kind::Service:
        // AWS answered with an error code, as the platform does with its own (exit 1), except
        // when it refused the keys or the signature: an authentication failure (exit 3).
        return omics::isCredentialRefusal(error.serviceCode()) ? ExitFailure : ExitApiError;
    default:
        return ExitFailure;
    }
}

void CliContext::fail(const ApiError& error)
{
    if (error.kind() == ApiError::Kind::Api) {
        QString line = tr("bge: error %1: %2").arg(error.apiCode()).arg(error.apiMessage());
        if (!error.apiData().isNull() && !error.apiData().isUndefined())
            line += u' ' + compactJson(error.apiData());
        printErr(printable(line) + u'\n');
        if (m_options.verbose)
            printErr(u"bge: "_s + printable(error.fullText()) + u'\n');
    } else if (error.kind() == ApiError::Kind::Usage) {
        printErr(tr("bge: %1").arg(error.detail()) + u'\n');
    } else if (error.kind() == ApiError::Kind::Service) {
        // The sentence says what to fix; the code, the service's words and the request id
        // (what AWS support asks for) with --verbose.
        printErr(u"bge: "_s + printable(error.message()) + u'\n');
        if (m_options.verbose)
            printErr(u"bge: "_s + printable(error.fullText()) + u'\n');
    } else {
        QString line = u"bge: "_s + error.message();
        if (error.kind() == ApiError::Kind::Authentication && !error.detail().isEmpty())
            line += u" ("_s + error.detail() + u')';
        else if (!error.detail().isEmpty())
            line += u" ["_s + error.detail() + u']';
        printErr(line + u'\n');
    }
    finish(exitCodeFor(error));
}

void CliContext::usageError(const QString& message, const QString& usage)
{
    printErr(tr("bge: %1").arg(message) + u'\n');
    if (!usage.isEmpty())
        printErr(usage);
    finish(ExitUsage);
}

void CliContext::finish(int exitCode)
{
    if (m_finishing)
        return;
    m_finishing = true;
    // A rotated refresh token that is not yet in the keychain would be lost: wait for it.
    if (m_sessionStore->pendingWrites() > 0) {
        connect(m_sessionStore, &SessionStore::writesFinished, this, [exitCode] { QCoreApplication::exit(exitCode); });
        return;
    }
    QMetaObject::invokeMethod(qApp, [exitCode] { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
}

} // namespace bge::cli
