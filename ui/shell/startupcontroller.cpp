#include "startupcontroller.h"

#include "busypage.h"
#include "connectionmonitor.h"
#include "mainwindow.h"
#include "preferences.h"
#include "problempage.h"
#include "profilechooserpage.h"
#include "profiledisplay.h"
#include "sandboxlauncher.h"

#include "signin/account.h"
#include "signin/signinflow.h"

#include "api/platformapi.h"
#include "api/records/user.h"
#include "auth/session.h"
#include "auth/sessionstore.h"
#include "credentials/credentialstore.h"
#include "net/cabundle.h"
#include "omics/omicsconnections.h"
#include "profiles/profilestore.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The sign-in may work next time when the cause can go away: the network, the server, a
// refused or expired session, a garbled answer. A refused request would be refused again.
bool worthRetrying(const ApiError& error)
{
    return error.isRetryable() || error.kind() == ApiError::Kind::Authentication ||
           error.kind() == ApiError::Kind::Malformed || error.kind() == ApiError::Kind::Api;
}

} // namespace

StartupController::StartupController(QSettings* settings, CredentialStore* credentials, Options options,
                                     QObject* parent)
    : QObject(parent), m_settings(settings), m_credentials(credentials), m_options(std::move(options)),
      m_profiles(std::make_unique<ProfileStore>(settings)),
      m_preferences(std::make_unique<Preferences>(settings)), m_monitor(new ConnectionMonitor(this)),
      m_sandbox(new SandboxLauncher(this)), m_omicsNetwork(new QNetworkAccessManager(this)),
      m_omicsConnections(new omics::OmicsConnections(settings, credentials, m_omicsNetwork, this)),
      m_window(std::make_unique<MainWindow>(settings, m_monitor)),
      m_chooser(new ProfileChooserPage(m_window.get())), m_busy(new BusyPage(m_window.get())),
      m_problem(new ProblemPage(m_window.get()))
{
    m_window->setOmicsConnections(m_omicsConnections);
    connect(m_chooser, &ProfileChooserPage::profileChosen, this, &StartupController::onProfileChosen);
    connect(m_busy, &BusyPage::cancelRequested, this, &StartupController::cancelStartup);
    connect(m_problem, &ProblemPage::retryRequested, this, [this] {
        if (auto retry = std::exchange(m_retry, {}))
            retry();
    });
    connect(m_problem, &ProblemPage::chooseProfileRequested, this, &StartupController::switchProfile);
    connect(m_sandbox, &SandboxLauncher::ready, this, &StartupController::onSandboxReady);
    connect(m_sandbox, &SandboxLauncher::startFailed, this, &StartupController::onSandboxStartFailed);
    connect(m_sandbox, &SandboxLauncher::stoppedUnexpectedly, this, &StartupController::onSandboxStopped);
    connect(m_window.get(), &MainWindow::switchProfileRequested, this, &StartupController::switchProfile);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &StartupController::signOut);
    connect(m_window.get(), &MainWindow::closed, this, &StartupController::shutDown);
    // Without a keychain the sign-in still works, but is forgotten at exit: say so, once.
    connect(m_credentials, &CredentialStore::keychainUnavailable, m_window.get(), &MainWindow::showNotice);
}

StartupController::~StartupController()
{
    // Views hold the account's API: the window goes before the account, the flow (and its
    // page) before both.
    delete m_flow;
    m_window.reset();
    delete m_account;
}

Account* StartupController::account() const
{
    return m_account;
}

void StartupController::start()
{
    m_window->show();
    if (m_options.sandbox) {
        Profile sandbox;
        sandbox.kind = Profile::Kind::Sandbox;
        sandbox.name = Profile::kindName(Profile::Kind::Sandbox);
        useProfile(sandbox);
        return;
    }
    if (!m_options.profile.isEmpty()) {
        if (const auto profile = m_profiles->load(m_options.profile))
            useProfile(*profile);
        else
            showChooser(
                tr("There is no profile named “%1”. Choose where to connect.").arg(m_options.profile));
        return;
    }
    if (const auto last = m_profiles->load(m_preferences->lastProfile()))
        useProfile(*last);
    else
        showChooser(); // first run
}

void StartupController::showChooser(const QString& message)
{
    m_monitor->stop();
    m_chooser->load(*m_profiles, m_profile.name.isEmpty() ? m_preferences->lastProfile() : m_profile.name);
    m_chooser->setMessage(message);
    m_window->showPage(m_chooser);
    m_chooser->setFocus();
}

void StartupController::onProfileChosen(const Profile& profile)
{
    // The sandbox's profile is written once it runs: its endpoint changes with every start.
    if (profile.kind != Profile::Kind::Sandbox)
        m_profiles->save(profile);
    useProfile(profile);
}

void StartupController::useProfile(const Profile& profile)
{
    m_profile = profile;
    m_preferences->setLastProfile(profile.name);
    // The profile's certificate authorities join the system's before anything connects (the
    // sign-in page too); a file that will not do is said before a confusing TLS refusal could be.
    if (const Result<bool> trusted = net::CaBundle::loadAndTrust(profile.caBundle); !trusted) {
        showProblem(tr("Could not use the certificate authorities of %1").arg(profileDisplayName(profile)),
                    trusted.error().detail(), false, {});
        return;
    }
    if (profile.kind == Profile::Kind::Sandbox) {
        startSandbox();
        return;
    }
    // Nothing uses the sandbox any more.
    if (m_sandbox->state() != SandboxLauncher::State::NotRunning)
        m_sandbox->stop();
    resetAccount();
    m_account = new Account(m_profile, m_credentials, this);
    beginSignIn();
}

void StartupController::startSandbox()
{
    m_monitor->setConnecting();
    showBusy(tr("Starting the offline sandbox…"));
    switch (m_sandbox->state()) {
    case SandboxLauncher::State::Running:
        onSandboxReady(m_sandbox->info()); // still running from earlier in this session
        return;
    case SandboxLauncher::State::Starting:
        return;
    case SandboxLauncher::State::Stopping:
        // Start again once the previous one is gone.
        connect(m_sandbox, &SandboxLauncher::stopped, this, &StartupController::startSandbox,
                Qt::SingleShotConnection);
        return;
    case SandboxLauncher::State::NotRunning:
        m_sandbox->start();
        return;
    }
}

void StartupController::onSandboxReady(const SandboxInfo& info)
{
    if (m_profile.kind != Profile::Kind::Sandbox || m_shuttingDown)
        return; // the user chose something else meanwhile
    const auto client = info.client(SandboxInfo::desktopClientId());
    m_profile.endpoint = info.apiEndpoint;
    m_profile.clientId = client->id;
    m_profile.grantMode = Profile::GrantMode::AuthorizationCode;
    m_profile.scopes.clear();
    // Saved so that `bge --profile sandbox` reaches the same sandbox while the app runs it.
    m_profiles->save(m_profile);
    // The emulator account set up in an earlier run follows the emulator to its new port, so
    // that its read-set transfers waiting in the queue resume by themselves.
    if (info.omics)
        m_omicsConnections->followLocalEndpoint(info.omics->accessKeyId, info.omics->endpoint);

    resetAccount();
    m_account = new Account(m_profile, m_credentials, this);
    // The sandbox keeps the sessions it issued across restarts (in its data folder), so the one
    // stored by an earlier run signs in silently; one it no longer knows is refused and forgotten
    // by the sign-in as on any platform. The demo client's secret is the same at every start.
    afterPendingWrites([this, secret = client->secret] {
        if (!m_account)
            return;
        m_account->sessionStore().saveClientSecret(m_profile.name, secret);
        afterPendingWrites([this] { beginSignIn(); });
    });
}

void StartupController::onSandboxStartFailed(const QString& message)
{
    if (m_shuttingDown || m_profile.kind != Profile::Kind::Sandbox)
        return;
    showProblem(tr("The offline sandbox could not start"), message, true, [this] { startSandbox(); });
}

void StartupController::onSandboxStopped(const QString& message)
{
    if (m_shuttingDown || m_profile.kind != Profile::Kind::Sandbox)
        return;
    endFlow();
    m_window->clearWorkspace();
    resetAccount();
    showProblem(tr("The offline sandbox stopped"), message, true, [this] { startSandbox(); });
}

void StartupController::beginSignIn()
{
    if (!m_account)
        return;
    endFlow();
    m_monitor->setConnecting();
    m_window->setEndpoint(m_profile.endpoint);
    showBusy(tr("Signing in to %1…").arg(profileDisplayName(m_profile)));
    m_flow = new SignInFlow(m_account, m_window.get(), this);
    connect(m_flow, &SignInFlow::interactionNeeded, this, [this](QWidget* page) {
        m_window->showPage(page);
        page->setFocus();
    });
    connect(m_flow, &SignInFlow::signedIn, this, &StartupController::onSignedIn);
    connect(m_flow, &SignInFlow::failed, this, &StartupController::onSignInFailed);
    connect(m_flow, &SignInFlow::cancelled, this, [this] {
        endFlow();
        showChooser();
    });
    m_flow->start();
}

void StartupController::onSignedIn(const User& user)
{
    endFlow();
    if (!user.username.isEmpty())
        m_profiles->setLastUsername(m_profile.name, user.username);
    // On the sandbox, its HealthOmics emulator is offered as an account with nothing to type.
    m_window->setSandboxInfo(m_profile.kind == Profile::Kind::Sandbox &&
                                         m_sandbox->state() == SandboxLauncher::State::Running
                                 ? std::optional<SandboxInfo>(m_sandbox->info())
                                 : std::nullopt);
    m_window->showWorkspace(&m_account->api(), user, m_profile);
    m_monitor->watch(&m_account->api(), &m_account->network());
    Q_EMIT signedIn(user);
}

void StartupController::onSignInFailed(const ApiError& error)
{
    endFlow();
    m_monitor->stop();
    showProblem(tr("Could not sign in to %1").arg(profileDisplayName(m_profile)), error.message(),
                worthRetrying(error), [this] { beginSignIn(); });
}

void StartupController::cancelStartup()
{
    endFlow();
    if (m_sandbox->state() == SandboxLauncher::State::Starting)
        m_sandbox->stop();
    resetAccount();
    showChooser();
}

void StartupController::switchProfile()
{
    endFlow();
    m_window->clearWorkspace();
    resetAccount();
    // The sandbox keeps running until another profile is chosen: coming back to it is quick.
    showChooser();
}

void StartupController::signOut()
{
    if (!m_account)
        return;
    m_account->session().signOut();
    m_account->sessionStore().forget(m_profile.name);
    endFlow();
    m_window->clearWorkspace();
    // The account goes once the keychain has forgotten the session (its store does the work).
    QPointer<Account> signedOut = m_account;
    m_account = nullptr;
    m_monitor->stop();
    const auto release = [signedOut] {
        if (signedOut)
            signedOut->deleteLater();
    };
    if (signedOut->sessionStore().pendingWrites() == 0)
        release();
    else
        connect(&signedOut->sessionStore(), &SessionStore::writesFinished, signedOut.data(), release);
    showChooser(tr("Signed out of %1.").arg(profileDisplayName(m_profile)));
}

void StartupController::shutDown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    endFlow();
    m_monitor->stop();
    if (m_sandbox->state() == SandboxLauncher::State::NotRunning) {
        QTimer::singleShot(0, this, &StartupController::finished);
        return;
    }
    connect(m_sandbox, &SandboxLauncher::stopped, this, &StartupController::finished);
    m_sandbox->stop();
}

void StartupController::showBusy(const QString& text)
{
    m_busy->setText(text);
    m_window->showPage(m_busy);
}

void StartupController::showProblem(const QString& title, const QString& message, bool canRetry,
                                    std::function<void()> retry)
{
    m_monitor->stop();
    m_retry = canRetry ? std::move(retry) : std::function<void()>();
    m_problem->setProblem(title, message, canRetry);
    m_window->showPage(m_problem);
}

void StartupController::resetAccount()
{
    m_monitor->stop();
    if (m_account) {
        m_account->deleteLater();
        m_account = nullptr;
    }
}

void StartupController::endFlow()
{
    if (!m_flow)
        return;
    // Its signals may be on the stack right now: delete it once they are done.
    m_flow->disconnect(this);
    m_flow->deleteLater();
    m_flow = nullptr;
}

void StartupController::afterPendingWrites(std::function<void()> next)
{
    SessionStore& store = m_account->sessionStore();
    if (store.pendingWrites() == 0) {
        QTimer::singleShot(0, this, std::move(next));
        return;
    }
    connect(&store, &SessionStore::writesFinished, this, std::move(next), Qt::SingleShotConnection);
}

} // namespace bge::ui
