#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QSettings;
class QStackedWidget;

namespace bge {
class PlatformApi;
struct Profile;
struct User;
} // namespace bge

namespace bge::ui {

class AccountButton;
class ConnectionIndicator;
class ConnectionMonitor;
class Preferences;
class TransfersPanel;
class Workspace;

// The one window. Its centre is a stack of pages: the profile choice, "starting…", the
// sign-in page, a problem with Retry, and, once signed in, the workspace (samples and the
// selected sample's views) with transfers in a dock below. Files dropped anywhere on the window
// are uploaded. Geometry, dock state and splitter sizes are kept in the settings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(QSettings* settings, ConnectionMonitor* monitor, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows `page` in the centre (added to the stack the first time).
    void showPage(QWidget* page);
    QWidget* currentPage() const;

    // Signed in: builds the workspace and transfers for this API and shows them.
    void showWorkspace(PlatformApi* api, const bge::User& user, const bge::Profile& profile);
    // Signed out or switching profile: the workspace and its transfers go.
    void clearWorkspace();

    Workspace* workspace() const;
    TransfersPanel* transfersPanel() const;
    AccountButton* accountButton() const { return m_account; }
    ConnectionIndicator* connectionIndicator() const { return m_indicator; }

    QAction* refreshAction() const { return m_refresh; }
    QAction* uploadAction() const { return m_upload; }
    QAction* switchProfileAction() const { return m_switchProfile; }
    QAction* signOutAction() const { return m_signOut; }
    QAction* preferencesAction() const { return m_preferences; }
    QAction* aboutAction() const { return m_about; }

    void setEndpoint(const QUrl& endpoint) { m_endpoint = endpoint; }
    // Something the user should know that needs no answer (e.g. no keychain): the status bar.
    void showNotice(const QString& text);

    // Writes geometry, dock state and splitter sizes (also done on close).
    void saveLayout();

Q_SIGNALS:
    void switchProfileRequested();
    void signOutRequested();
    // The user closed the window: the app may now stop what it started and quit.
    void closed();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void setSignedIn(bool signedIn);
    void refresh();
    void createWorkspace();
    void openPreferences();
    void openAbout();

    QSettings* m_settings;
    ConnectionMonitor* m_monitor;
    std::unique_ptr<Preferences> m_preferencesStore;
    QStackedWidget* m_pages;
    QDockWidget* m_transfersDock;
    PlatformApi* m_api = nullptr;
    QPointer<Workspace> m_workspace;
    QMenu* m_samplesMenu = nullptr;
    QPointer<TransfersPanel> m_transfers;
    AccountButton* m_account = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    QUrl m_endpoint;

    QAction* m_refresh = nullptr;
    QAction* m_upload = nullptr;
    QAction* m_switchProfile = nullptr;
    QAction* m_signOut = nullptr;
    QAction* m_preferences = nullptr;
    QAction* m_about = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace bge::ui
