#pragma once

#include "profiles/profile.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace bge {
class ApiError;
class CredentialStore;
class ProfileStore;
struct User;
namespace omics {
class OmicsConnections;
}
} // namespace bge

namespace bge::ui {

class Account;
class BusyPage;
class ConnectionMonitor;
class MainWindow;
class Preferences;
class ProblemPage;
class ProfileChooserPage;
class SandboxLauncher;
class SignInFlow;
struct SandboxInfo;

// What the app does from start to quit, all asynchronous: shows the window at once, picks the
// profile (the command line's, the last one used, or the user's choice on the first-run page),
// starts the offline sandbox when that is the profile, signs in (the sign-in page shown inside
// the window), then shows the workspace. Problems land on a page with Retry; "Switch
// Profile…" and "Sign Out" come back here. On close, the sandbox is stopped before finished().
class StartupController final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString profile;      // --profile NAME
        bool sandbox = false; // --sandbox: the offline demo, whatever was chosen before
    };

    StartupController(QSettings* settings, CredentialStore* credentials, Options options,
                      QObject* parent = nullptr);
    ~StartupController() override;

    MainWindow* window() const { return m_window.get(); }
    SandboxLauncher* sandboxLauncher() const { return m_sandbox; }
    ConnectionMonitor* connectionMonitor() const { return m_monitor; }
    omics::OmicsConnections* omicsConnections() const { return m_omicsConnections; }
    Account* account() const;
    ProfileChooserPage* profileChooser() const { return m_chooser; }
    const Profile& profile() const { return m_profile; }

    void start();
    // Stops what the app started (the sandbox), then emits finished().
    void shutDown();

Q_SIGNALS:
    void signedIn(const bge::User& user);
    void finished();

private:
    void showChooser(const QString& message = {});
    void onProfileChosen(const bge::Profile& profile);
    void useProfile(const bge::Profile& profile);
    void startSandbox();
    void onSandboxReady(const bge::ui::SandboxInfo& info);
    void onSandboxStartFailed(const QString& message);
    void onSandboxStopped(const QString& message);
    void beginSignIn();
    void onSignedIn(const bge::User& user);
    void onSignInFailed(const bge::ApiError& error);
    void cancelStartup();
    void switchProfile();
    void signOut();
    void showBusy(const QString& text);
    void showProblem(const QString& title, const QString& message, bool canRetry,
                     std::function<void()> retry);
    void resetAccount();
    void endFlow();
    void afterPendingWrites(std::function<void()> next);

    QSettings* m_settings;
    CredentialStore* m_credentials;
    Options m_options;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<Preferences> m_preferences;
    ConnectionMonitor* m_monitor;
    SandboxLauncher* m_sandbox;
    // HealthOmics accounts outlive profiles and sign-ins: they are the computer's, not the
    // platform account's.
    QNetworkAccessManager* m_omicsNetwork;
    omics::OmicsConnections* m_omicsConnections;
    std::unique_ptr<MainWindow> m_window;
    ProfileChooserPage* m_chooser;
    BusyPage* m_busy;
    ProblemPage* m_problem;
    std::function<void()> m_retry;
    Profile m_profile;
    QPointer<Account> m_account;
    QPointer<SignInFlow> m_flow;
    bool m_shuttingDown = false;
};

} // namespace bge::ui
