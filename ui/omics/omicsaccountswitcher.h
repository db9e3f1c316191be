#pragma once

#include "shell/sandboxinfo.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QMessageBox;
class QPushButton;
class QSettings;

namespace bge::omics {
class OmicsConnections;
}

namespace bge::ui {

class OmicsAccountDialog;

// The HealthOmics account in use, chosen like a BGE profile: a list of the accounts, with
// "Add Account…", "Edit…" and "Remove…" (after a confirmation). The last account used is
// remembered in the settings ("omics/currentAccount") and chosen again next time.
class OmicsAccountSwitcher final : public QWidget
{
    Q_OBJECT
public:
    OmicsAccountSwitcher(omics::OmicsConnections* connections, std::optional<SandboxInfo::Omics> emulator,
                         QSettings* settings, QWidget* parent = nullptr);

    QString currentAccount() const;
    void setCurrentAccount(const QString& name);

    // The dialogs open with open(); they are reachable for tests while they are shown.
    OmicsAccountDialog* openAddDialog();
    OmicsAccountDialog* openEditDialog();
    QMessageBox* openRemoveConfirmation();

Q_SIGNALS:
    // Empty when there is no account (any more).
    void currentAccountChanged(const QString& name);

private:
    void reloadAccounts();
    void onCurrentIndexChanged();
    OmicsAccountDialog* openDialog();

    omics::OmicsConnections* m_connections;
    std::optional<SandboxInfo::Omics> m_emulator;
    QSettings* m_settings;
    QComboBox* m_accounts;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QString m_current;
    bool m_reloading = false;
};

} // namespace bge::ui
