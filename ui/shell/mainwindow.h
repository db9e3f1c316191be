#pragma once

#include "sandboxinfo.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

class QAction;
class QChartView;
class QDockWidget;
class QMenu;
class QSettings;
class QStackedWidget;

namespace bge {
class PlatformApi;
struct Profile;
struct User;
namespace omics {
class OmicsConnections;
}
} // namespace bge

namespace bge::ui {

class AccountButton;
class ConnectionIndicator;
class ConnectionMonitor;
class OmicsArea;
class Preferences;
class TransfersPanel;
class TransfersStatusButton;
class Workspace;

// The one window. Its centre is a stack of pages: the profile choice, "starting…", the
// sign-in page, a problem with Retry, and, once signed in, two areas: the BGE platform's
// workspace (samples and the selected sample's views) and HealthOmics (accounts, sequence
// stores, read sets, uploads in progress, import jobs), with transfers of both in a dock below.
// Files dropped on the window are uploaded to the platform, or proposed as read sets when
// HealthOmics shows. Geometry, dock state, splitter sizes and the area are kept in the settings.
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
    OmicsArea* omicsArea() const;
    // The area that shows: the platform's workspace or HealthOmics.
    QStackedWidget* areas() const { return m_areas; }

    // The HealthOmics accounts (before showWorkspace); without them the area is not offered.
    void setOmicsConnections(omics::OmicsConnections* connections) { m_omicsConnections = connections; }
    // The sandbox the app started, whose emulator is offered as an account (before showWorkspace).
    void setSandboxInfo(std::optional<SandboxInfo> info) { m_sandboxInfo = std::move(info); }
    AccountButton* accountButton() const { return m_account; }
    ConnectionIndicator* connectionIndicator() const { return m_indicator; }

    QAction* refreshAction() const { return m_refresh; }
    QAction* uploadAction() const { return m_upload; }
    QAction* uploadReadSetAction() const { return m_uploadReadSet; }
    QAction* showPlatformAction() const { return m_showPlatform; }
    QAction* showOmicsAction() const { return m_showOmics; }
    QAction* switchProfileAction() const { return m_switchProfile; }
    QAction* signOutAction() const { return m_signOut; }
    QAction* preferencesAction() const { return m_preferences; }
    QAction* aboutAction() const { return m_about; }
    QAction* exportChartAction() const { return m_exportChart; }

    void setEndpoint(const QUrl& endpoint) { m_endpoint = endpoint; }
    // Something the user should know that needs no answer (e.g. no keychain): the status bar.
    void showNotice(const QString& text);
    // File → Export Chart: the chart shown in the current area (none: a notice says where they are).
    QChartView* shownChart() const;
    void exportShownChart();

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
    void createOmicsArea();
    void showArea(QWidget* area);
    void areaShown();
    bool omicsShown() const;
    void openPreferences();
    void openAbout();

    QSettings* m_settings;
    ConnectionMonitor* m_monitor;
    std::unique_ptr<Preferences> m_preferencesStore;
    QStackedWidget* m_pages;
    QDockWidget* m_transfersDock;
    PlatformApi* m_api = nullptr;
    QPointer<Workspace> m_workspace;
    QStackedWidget* m_areas = nullptr;
    QPointer<OmicsArea> m_omics;
    omics::OmicsConnections* m_omicsConnections = nullptr;
    std::optional<SandboxInfo> m_sandboxInfo;
    QMenu* m_samplesMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QPointer<TransfersPanel> m_transfers;
    TransfersStatusButton* m_transfersStatus = nullptr;
    AccountButton* m_account = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    QUrl m_endpoint;

    QAction* m_refresh = nullptr;
    QAction* m_upload = nullptr;
    QAction* m_uploadReadSet = nullptr;
    QAction* m_exportChart = nullptr;
    QAction* m_showPlatform = nullptr;
    QAction* m_showOmics = nullptr;
    QAction* m_switchProfile = nullptr;
    QAction* m_signOut = nullptr;
    QAction* m_preferences = nullptr;
    QAction* m_about = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace bge::ui
