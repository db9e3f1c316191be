#pragma once

#include "omics/omicsconnection.h"
#include "omics/records/sequencestore.h"
#include "shell/sandboxinfo.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace bge::omics {
class OmicsConnections;
}

namespace bge::ui {

class ErrorBanner;
class OmicsAccountSwitcher;
class ReadSetsPanel;
class SequenceStoreModel;

// HealthOmics in the app: the account switcher on top; the account's sequence stores on the
// left and, for the selected store, tabs on the right whose first is "Read sets" (the lead
// adds uploads in progress and import jobs through storeTabs()). Without any account, a
// friendly page with "Add Account…". F5 refreshes, Ctrl+F goes to the quick search. The
// last store chosen per account is remembered in `settings`.
class OmicsWorkspace final : public QWidget
{
    Q_OBJECT
public:
    // `sandbox`: the sandbox the app started, if any; its HealthOmics emulator is then offered
    // as an account with nothing to type.
    OmicsWorkspace(omics::OmicsConnections* connections, std::optional<SandboxInfo> sandbox,
                   QSettings* settings, QWidget* parent = nullptr);
    ~OmicsWorkspace() override;

    QTabWidget* storeTabs() const { return m_storeTabs; }
    QString currentAccount() const { return m_account; }
    // The current account's connection; nullptr with no (usable) account.
    omics::OmicsConnection* connection() const { return m_connection; }
    // The selected store; an empty id when none.
    const omics::SequenceStore& currentStore() const { return m_store; }
    void selectStore(const QString& storeId);

    OmicsAccountSwitcher* accountSwitcher() const { return m_switcher; }
    SequenceStoreModel* storeModel() const { return m_stores; }
    QTableView* storeView() const { return m_storeView; }
    ReadSetsPanel* readSetsPanel() const { return m_readSets; }
    QAction* refreshAction() const { return m_refresh; }

public Q_SLOTS:
    // Loads the read sets of the selected store again (after an upload or an import).
    void refreshReadSets();

Q_SIGNALS:
    void storeChanged(const QString& account, const bge::omics::SequenceStore& store);
    void downloadRequested(const QString& account, const QString& storeId, const QString& readSetId,
                           const QString& file, const QString& suggestedFileName);
    // Local files dropped on a store of the list, or on the read-set table (the selected store).
    void filesDropped(const QString& account, const bge::omics::SequenceStore& store,
                      const QList<QUrl>& urls);

private:
    QWidget* buildEmptyPage();
    QWidget* buildStoresPage();
    void onAccountChanged(const QString& name);
    void onAccountsChanged();
    void connectAccount(const QString& name);
    void onStoresLoaded();
    void onCurrentStoreChanged();
    void refreshAll();
    void updateStoreStatus();

    omics::OmicsConnections* m_connections;
    QSettings* m_settings;
    QString m_account;
    QPointer<omics::OmicsConnection> m_connection;
    omics::SequenceStore m_store;

    OmicsAccountSwitcher* m_switcher;
    QStackedWidget* m_pages;
    SequenceStoreModel* m_stores;
    QTableView* m_storeView;
    ErrorBanner* m_storeBanner;
    QLabel* m_storeStatus;
    QSplitter* m_splitter;
    QTabWidget* m_storeTabs;
    ReadSetsPanel* m_readSets;
    QAction* m_refresh;
};

} // namespace bge::ui
