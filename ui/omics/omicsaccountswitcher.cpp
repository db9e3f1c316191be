#include "omicsaccountswitcher.h"

#include "omicsaccountdialog.h"

#include "omics/omicsconnections.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const QString kCurrentKey = u"omics/currentAccount"_s;

QString describe(const omics::OmicsAccount& a)
{
    if (!a.profile.isEmpty())
        return OmicsAccountSwitcher::tr("%1 (profile %2)").arg(a.name, a.profile);
    if (!a.region.isEmpty())
        return OmicsAccountSwitcher::tr("%1 (%2)").arg(a.name, a.region);
    return a.name;
}

} // namespace

OmicsAccountSwitcher::OmicsAccountSwitcher(omics::OmicsConnections* connections,
                                           std::optional<SandboxInfo::Omics> emulator, QSettings* settings,
                                           QWidget* parent)
    : QWidget(parent), m_connections(connections), m_emulator(std::move(emulator)), m_settings(settings),
      m_accounts(new QComboBox(this)), m_add(new QPushButton(tr("&Add Account…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_remove(new QPushButton(tr("Re&move…"), this))
{
    setObjectName(u"omicsAccountSwitcher"_s);
    m_accounts->setObjectName(u"accountCombo"_s);
    m_accounts->setAccessibleName(tr("HealthOmics account"));
    m_accounts->setToolTip(tr("The AWS account and region whose sequence stores are shown"));
    m_accounts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_accounts->setMinimumContentsLength(16);
    m_add->setObjectName(u"addAccountButton"_s);
    m_add->setAccessibleName(tr("Add HealthOmics account"));
    m_add->setToolTip(tr("Add an AWS account to reach its HealthOmics sequence stores"));
    m_edit->setObjectName(u"editAccountButton"_s);
    m_edit->setAccessibleName(tr("Edit HealthOmics account"));
    m_edit->setToolTip(tr("Change the chosen account's name, region or credentials"));
    m_remove->setObjectName(u"removeAccountButton"_s);
    m_remove->setAccessibleName(tr("Remove HealthOmics account"));
    m_remove->setToolTip(tr("Forget the chosen account and its credentials on this computer"));
    for (QPushButton* b : {m_add, m_edit, m_remove})
        b->setAutoDefault(false);

    auto* label = new QLabel(tr("A&ccount:"), this);
    label->setBuddy(m_accounts);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(label);
    layout->addWidget(m_accounts);
    layout->addWidget(m_add);
    layout->addWidget(m_edit);
    layout->addWidget(m_remove);
    layout->addStretch(1);

    // Delete on the account list removes it (after the confirmation), as the button does.
    auto* remove = new QAction(tr("Remove Account"), m_accounts);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &OmicsAccountSwitcher::openRemoveConfirmation);
    m_accounts->addAction(remove);

    connect(m_add, &QPushButton::clicked, this, &OmicsAccountSwitcher::openAddDialog);
    connect(m_edit, &QPushButton::clicked, this, &OmicsAccountSwitcher::openEditDialog);
    connect(m_remove, &QPushButton::clicked, this, &OmicsAccountSwitcher::openRemoveConfirmation);
    connect(m_accounts, &QComboBox::currentIndexChanged, this, &OmicsAccountSwitcher::onCurrentIndexChanged);
    connect(m_connections, &omics::OmicsConnections::accountsChanged, this,
            &OmicsAccountSwitcher::reloadAccounts);

    m_current = m_settings->value(kCurrentKey).toString();
    reloadAccounts();
}

QString OmicsAccountSwitcher::currentAccount() const
{
    return m_current;
}

void OmicsAccountSwitcher::setCurrentAccount(const QString& name)
{
    const int i = m_accounts->findData(name);
    if (i >= 0)
        m_accounts->setCurrentIndex(i);
}

void OmicsAccountSwitcher::reloadAccounts()
{
    const QString wanted = m_current;
    m_reloading = true;
    m_accounts->clear();
    for (const omics::OmicsAccount& a : m_connections->accounts())
        m_accounts->addItem(describe(a), a.name);
    int i = m_accounts->findData(wanted);
    if (i < 0 && m_accounts->count() > 0)
        i = 0; // the remembered one is gone: the first one
    m_accounts->setCurrentIndex(i);
    m_reloading = false;
    m_edit->setEnabled(m_accounts->count() > 0);
    m_remove->setEnabled(m_accounts->count() > 0);
    m_accounts->setEnabled(m_accounts->count() > 0);
    onCurrentIndexChanged();
}

void OmicsAccountSwitcher::onCurrentIndexChanged()
{
    if (m_reloading)
        return;
    const QString name = m_accounts->currentData().toString();
    if (!name.isEmpty())
        m_settings->setValue(kCurrentKey, name);
    if (name == m_current && !name.isEmpty())
        return;
    m_current = name;
    Q_EMIT currentAccountChanged(name);
}

OmicsAccountDialog* OmicsAccountSwitcher::openDialog()
{
    auto* dialog = new OmicsAccountDialog(m_connections, m_emulator, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OmicsAccountDialog::accountSaved, this, [this](const QString& name) {
        // accountsChanged has reloaded the list already; the new or edited account is the one in use.
        setCurrentAccount(name);
    });
    return dialog;
}

OmicsAccountDialog* OmicsAccountSwitcher::openAddDialog()
{
    OmicsAccountDialog* dialog = openDialog();
    dialog->open();
    return dialog;
}

OmicsAccountDialog* OmicsAccountSwitcher::openEditDialog()
{
    const std::optional<omics::OmicsAccount> account = m_connections->account(m_current);
    if (!account)
        return nullptr;
    OmicsAccountDialog* dialog = openDialog();
    dialog->setAccount(*account);
    dialog->open();
    return dialog;
}

QMessageBox* OmicsAccountSwitcher::openRemoveConfirmation()
{
    const QString name = m_current;
    if (name.isEmpty())
        return nullptr;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove HealthOmics Account"),
                                tr("Remove the account “%1” from this computer?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"removeAccountConfirmation"_s);
    box->setInformativeText(tr("Its secret access key is deleted from the keychain. Nothing changes in AWS, "
                               "and uploads of this account waiting in Transfers cannot continue."));
    QPushButton* remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmRemoveButton"_s);
    QPushButton* keep = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, name] {
        if (box->clickedButton() == remove)
            m_connections->remove(name);
    });
    box->open();
    return box;
}

} // namespace bge::ui
