#include "omicsaccountdialog.h"

#include "awsprofilelist.h"

#include "omics/awssettings.h"
#include "omics/omicsaccountconnection.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicsconnections.h"
#include "omics/omicserror.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The regions HealthOmics runs in (reference §1.2); any other valid name can be typed.
const QStringList kRegions = {u"us-east-1"_s,    u"us-west-2"_s,      u"eu-west-1"_s,      u"eu-west-2"_s,
                              u"eu-central-1"_s, u"ap-southeast-1"_s, u"ap-northeast-2"_s, u"il-central-1"_s};

bool isOneOf(const QString& code, std::initializer_list<QStringView> codes)
{
    for (QStringView c : codes) {
        if (code == c)
            return true;
    }
    return false;
}

} // namespace

OmicsAccountDialog::OmicsAccountDialog(omics::OmicsConnections* connections,
                                       std::optional<SandboxInfo::Omics> emulator, QWidget* parent,
                                       const QProcessEnvironment& environment)
    : QDialog(parent), m_connections(connections), m_emulator(std::move(emulator)),
      m_environment(environment), m_name(new QLineEdit(this)),
      m_modeProfile(new QRadioButton(tr("An AWS &profile of this computer"), this)),
      m_modeKeys(new QRadioButton(tr("An access &key"), this)),
      m_modeEmulator(new QRadioButton(tr("The HealthOmics &emulator the app started"), this)),
      m_pages(new QStackedWidget(this)), m_problem(new QLabel(this)), m_busy(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"omicsAccountDialog"_s);
    setWindowTitle(tr("Add HealthOmics Account"));

    m_name->setObjectName(u"accountNameEdit"_s);
    m_name->setAccessibleName(tr("Account name"));
    m_name->setPlaceholderText(tr("For example: lab"));
    m_name->setMaxLength(64);
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9._-]{0,64}"_s), m_name));
    m_name->setToolTip(tr("Letters, digits, dots, underscores and hyphens"));

    m_modeProfile->setObjectName(u"modeProfile"_s);
    m_modeKeys->setObjectName(u"modeKeys"_s);
    m_modeEmulator->setObjectName(u"modeEmulator"_s);
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_modeProfile, int(Mode::Profile));
    modes->addButton(m_modeKeys, int(Mode::Keys));
    modes->addButton(m_modeEmulator, int(Mode::Emulator));
    m_modeEmulator->setVisible(m_emulator.has_value());

    auto* profilePage = new QWidget(this);
    auto* keysPage = new QWidget(this);
    auto* emulatorPage = new QWidget(this);
    buildProfilePage(profilePage);
    buildKeysPage(keysPage);
    buildEmulatorPage(emulatorPage);
    m_pages->addWidget(profilePage);
    m_pages->addWidget(keysPage);
    m_pages->addWidget(emulatorPage);

    m_problem->setObjectName(u"accountProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(u"color: palette(link-visited); font-weight: bold;"_s);
    m_problem->hide();
    m_busy->setObjectName(u"accountChecking"_s);
    m_busy->setText(tr("Checking the account with HealthOmics…"));
    m_busy->hide();

    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveAccountButton"_s);
    m_save->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelAccountButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OmicsAccountDialog::trySave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* nameForm = new QFormLayout;
    nameForm->addRow(tr("Account &name:"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(nameForm);
    layout->addWidget(new QLabel(tr("Connect with:"), this));
    layout->addWidget(m_modeProfile);
    layout->addWidget(m_modeKeys);
    layout->addWidget(m_modeEmulator);
    layout->addWidget(m_pages);
    layout->addWidget(m_problem);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(modes, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            setMode(Mode(id));
    });
    connect(m_name, &QLineEdit::textChanged, this, &OmicsAccountDialog::updateState);

    // The emulator when the app started one (nothing to type), else a profile when there is one.
    if (m_emulator)
        setMode(Mode::Emulator);
    else if (m_profile->count() > 0)
        setMode(Mode::Profile);
    else
        setMode(Mode::Keys);
    resize(520, sizeHint().height());
}

OmicsAccountDialog::~OmicsAccountDialog()
{
    m_check.abort();
    delete m_testConnection.data();
}

void OmicsAccountDialog::buildProfilePage(QWidget* page)
{
    m_profile = new QComboBox(page);
    m_profile->setObjectName(u"profileCombo"_s);
    m_profile->setAccessibleName(tr("AWS profile"));
    for (const AwsProfileEntry& p : listAwsProfiles(m_environment)) {
        QString text = p.name;
        if (!p.problem.isEmpty())
            text = tr("%1 (cannot be used)").arg(p.name);
        else if (!p.region.isEmpty())
            text = tr("%1 — %2").arg(p.name, p.region);
        else
            text = tr("%1 — no region").arg(p.name);
        m_profile->addItem(text, p.name);
        const int i = m_profile->count() - 1;
        m_profile->setItemData(i, p.region, Qt::UserRole + 1);
        m_profile->setItemData(i, p.problem.isEmpty() ? p.endpoint : p.problem, Qt::ToolTipRole);
        m_profile->setItemData(i, p.problem, Qt::UserRole + 2);
    }
    m_profileInfo = new QLabel(page);
    m_profileInfo->setObjectName(u"profileInfo"_s);
    m_profileInfo->setWordWrap(true);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(24, 0, 0, 0);
    form->addRow(tr("Pr&ofile:"), m_profile);
    form->addRow(m_profileInfo);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &OmicsAccountDialog::onProfileChanged);
}

void OmicsAccountDialog::buildKeysPage(QWidget* page)
{
    m_accessKeyId = new QLineEdit(page);
    m_accessKeyId->setObjectName(u"accessKeyIdEdit"_s);
    m_accessKeyId->setAccessibleName(tr("Access key ID"));
    m_accessKeyId->setPlaceholderText(u"AKIA…"_s);
    m_secret = new QLineEdit(page);
    m_secret->setObjectName(u"secretAccessKeyEdit"_s);
    m_secret->setAccessibleName(tr("Secret access key"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setToolTip(tr("Kept in the system keychain, never in the settings"));
    m_region = new QComboBox(page);
    m_region->setObjectName(u"regionCombo"_s);
    m_region->setAccessibleName(tr("Region"));
    m_region->setEditable(true);
    m_region->addItems(kRegions);
    m_region->setCurrentIndex(-1);
    m_region->lineEdit()->setPlaceholderText(tr("For example: eu-west-2"));
    m_endpoint = new QLineEdit(page);
    m_endpoint->setObjectName(u"endpointEdit"_s);
    m_endpoint->setAccessibleName(tr("Endpoint"));
    m_endpoint->setPlaceholderText(tr("Optional: the regional endpoint when empty"));
    auto* form = new QFormLayout(page);
    form->setContentsMargins(24, 0, 0, 0);
    form->addRow(tr("Access key &ID:"), m_accessKeyId);
    form->addRow(tr("&Secret access key:"), m_secret);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("E&ndpoint:"), m_endpoint);
    for (QLineEdit* edit : {m_accessKeyId, m_secret, m_endpoint})
        connect(edit, &QLineEdit::textChanged, this, &OmicsAccountDialog::updateState);
    connect(m_region, &QComboBox::currentTextChanged, this, &OmicsAccountDialog::updateState);
}

void OmicsAccountDialog::buildEmulatorPage(QWidget* page)
{
    m_emulatorInfo = new QLabel(page);
    m_emulatorInfo->setObjectName(u"emulatorInfo"_s);
    m_emulatorInfo->setWordWrap(true);
    if (m_emulator) {
        m_emulatorInfo->setText(tr("Connects to the HealthOmics emulator at %1 (region %2) with the keys it "
                                   "announced. Nothing to type.")
                                    .arg(m_emulator->endpoint.toDisplayString(), m_emulator->region));
    }
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_emulatorInfo);
    layout->addStretch(1);
}

void OmicsAccountDialog::setMode(Mode mode)
{
    if (mode == Mode::Emulator && !m_emulator)
        mode = Mode::Keys;
    m_mode = mode;
    QRadioButton* button = mode == Mode::Profile ? m_modeProfile
                           : mode == Mode::Keys  ? m_modeKeys
                                                 : m_modeEmulator;
    if (!button->isChecked())
        button->setChecked(true);
    m_pages->setCurrentIndex(int(mode));
    if (!m_editing && m_name->text().isEmpty()) {
        if (mode == Mode::Emulator)
            m_name->setText(u"emulator"_s);
        else if (mode == Mode::Profile && m_profile->currentIndex() >= 0)
            m_name->setText(m_profile->currentData().toString());
    }
    m_problem->hide();
    if (mode == Mode::Profile)
        onProfileChanged();
    updateState();
}

void OmicsAccountDialog::setAccount(const omics::OmicsAccount& account)
{
    m_editing = true;
    setWindowTitle(tr("Edit HealthOmics Account"));
    m_name->setText(account.name);
    m_name->setReadOnly(true); // the keychain entry is named after it
    if (!account.profile.isEmpty()) {
        const int i = m_profile->findData(account.profile);
        if (i < 0) {
            m_profile->addItem(tr("%1 (not found)").arg(account.profile), account.profile);
            m_profile->setCurrentIndex(m_profile->count() - 1);
        } else {
            m_profile->setCurrentIndex(i);
        }
        m_editedProfileRegion = account.region;
        setMode(Mode::Profile);
    } else if (m_emulator && account.accessKeyId == m_emulator->accessKeyId &&
               QUrl(account.endpoint) == m_emulator->endpoint) {
        setMode(Mode::Emulator);
    } else {
        m_accessKeyId->setText(account.accessKeyId);
        m_region->setCurrentText(account.region);
        m_endpoint->setText(account.endpoint);
        m_secret->setPlaceholderText(tr("Unchanged (kept in the keychain)"));
        setMode(Mode::Keys);
    }
}

QString OmicsAccountDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void OmicsAccountDialog::onProfileChanged()
{
    const int i = m_profile->currentIndex();
    if (i < 0) {
        m_profileInfo->setText(tr("No AWS profile found in ~/.aws/config or ~/.aws/credentials."));
        updateState();
        return;
    }
    const QString problem = m_profile->itemData(i, Qt::UserRole + 2).toString();
    const QString region = m_profile->itemData(i, Qt::UserRole + 1).toString();
    if (!problem.isEmpty())
        m_profileInfo->setText(problem);
    else if (region.isEmpty())
        m_profileInfo->setText(tr("This profile names no region: add “region = …” to it in ~/.aws/config."));
    else
        m_profileInfo->setText(
            tr("Keys, region and endpoint come from the profile each time the account is used."));
    updateState();
}

void OmicsAccountDialog::updateState()
{
    bool ready = omics::OmicsAccount::isValidName(m_name->text()) && !isChecking();
    switch (m_mode) {
    case Mode::Profile: {
        const int i = m_profile->currentIndex();
        ready = ready && i >= 0 && m_profile->itemData(i, Qt::UserRole + 2).toString().isEmpty() &&
                !m_profile->itemData(i, Qt::UserRole + 1).toString().isEmpty();
        break;
    }
    case Mode::Keys:
        ready = ready && !m_accessKeyId->text().trimmed().isEmpty() &&
                (m_editing || !m_secret->text().isEmpty()) && !m_region->currentText().trimmed().isEmpty();
        break;
    case Mode::Emulator:
        break;
    }
    m_save->setEnabled(ready);
    m_pages->setEnabled(!isChecking());
}

std::optional<omics::OmicsAccount> OmicsAccountDialog::accountFromFields(QString* secret)
{
    omics::OmicsAccount account;
    account.name = m_name->text().trimmed();
    if (!omics::OmicsAccount::isValidName(account.name)) {
        showProblem(tr("Name the account with 1 to 64 letters, digits, dots, underscores or hyphens."));
        return std::nullopt;
    }
    if (!m_editing && m_connections->account(account.name)) {
        showProblem(tr("There is already an account named “%1”: choose another name, or edit that account.")
                        .arg(account.name));
        return std::nullopt;
    }
    switch (m_mode) {
    case Mode::Profile:
        account.profile = m_profile->currentData().toString();
        // The profile's own region unless the account being edited overrode it.
        account.region = m_editedProfileRegion;
        break;
    case Mode::Keys:
        account.accessKeyId = m_accessKeyId->text().trimmed();
        account.region = m_region->currentText().trimmed();
        account.endpoint = m_endpoint->text().trimmed();
        *secret = m_secret->text();
        if (account.accessKeyId.contains(u' ') || secret->contains(u' ')) {
            showProblem(tr("Access keys contain no spaces: check what was pasted."));
            return std::nullopt;
        }
        break;
    case Mode::Emulator:
        account.accessKeyId = m_emulator->accessKeyId;
        account.region = m_emulator->region;
        account.endpoint = m_emulator->endpoint.toString();
        *secret = m_emulator->secretAccessKey;
        break;
    }
    return account;
}

void OmicsAccountDialog::trySave()
{
    if (isChecking() || !m_save->isEnabled())
        return;
    m_problem->hide();
    QString secret;
    const std::optional<omics::OmicsAccount> account = accountFromFields(&secret);
    if (!account)
        return;

    // The account is tried before anything is stored: with the typed keys directly (they are
    // not in the keychain yet), with the profile as `bge` would use it, or, when editing without
    // a new secret, with the secret already in the keychain.
    Result<omics::OmicsConnection*> made = [&]() -> Result<omics::OmicsConnection*> {
        if (!account->profile.isEmpty() || secret.isEmpty())
            return omics::connectAccount(*account, m_connections->keychain(), m_connections->network(),
                                         nullptr);
        omics::AwsSettings settings;
        settings.region = account->region;
        if (!account->endpoint.isEmpty())
            settings.endpoint = QUrl(account->endpoint, QUrl::StrictMode);
        settings.credentialSource = omics::AwsSettings::CredentialSource::Environment;
        settings.credentials.accessKeyId = account->accessKeyId;
        settings.credentials.secretAccessKey = secret;
        return omics::OmicsConnection::create(settings, m_connections->network(), nullptr);
    }();
    if (!made) {
        showProblem(made.error().message());
        return;
    }
    delete m_testConnection.data();
    m_testConnection = made.value();
    // A person waits for this answer: one attempt, and refused keys are never worth a retry.
    m_testConnection->setMaxAttempts(1);
    m_busy->show();
    omics::ListOptions one;
    one.maxResults = 1;
    m_check.run<omics::OmicsPage<omics::SequenceStore>>(
        omics::OmicsApi(m_testConnection).listSequenceStores({}, one), this,
        [this, account = *account, secret](const Result<omics::OmicsPage<omics::SequenceStore>>& r) {
            if (!r) {
                finishCheck();
                showProblem(refusalSentence(r.error()));
                return;
            }
            m_saving = true;
            updateState();
            m_connections->save(account, secret, this, [this, name = account.name](const QString& problem) {
                m_saving = false;
                finishCheck();
                if (!problem.isEmpty()) {
                    showProblem(tr("The account was not saved: %1").arg(problem));
                    return;
                }
                Q_EMIT accountSaved(name);
                accept();
            });
        });
    updateState();
}

void OmicsAccountDialog::finishCheck()
{
    m_busy->hide();
    if (m_testConnection)
        m_testConnection->deleteLater();
    m_testConnection = nullptr;
    updateState();
}

QString OmicsAccountDialog::refusalSentence(const ApiError& error) const
{
    const QString code = error.serviceCode();
    if (error.kind() != ApiError::Kind::Service || !omics::isCredentialRefusal(code))
        return error.message();
    const bool profile = m_mode == Mode::Profile;
    const QString profileName = m_profile->currentData().toString();
    if (isOneOf(code, {u"InvalidSignatureException", u"SignatureDoesNotMatch", u"IncompleteSignature",
                       u"IncompleteSignatureException"})) {
        return profile
                   ? tr("The secret access key of profile “%1” does not match its access key ID. Correct "
                        "the profile in ~/.aws/credentials and try again.")
                         .arg(profileName)
                   : tr("The secret access key does not match the access key ID. Check both and enter them "
                        "again.");
    }
    if (isOneOf(code, {u"UnrecognizedClientException", u"InvalidClientTokenId", u"InvalidAccessKeyId"})) {
        return profile
                   ? tr("AWS does not know the access key ID of profile “%1” (deleted or deactivated?). "
                        "Correct the profile in ~/.aws/credentials and try again.")
                         .arg(profileName)
                   : tr("AWS does not know this access key ID (deleted or deactivated?). Check it, or create "
                        "a new access key in the IAM console, and enter it again.");
    }
    if (omics::isExpiredToken(code)) {
        return tr(
            "These credentials have expired. Get new ones (for example, sign in again with your identity "
            "provider) and try again.");
    }
    return error.message();
}

void OmicsAccountDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
}

void OmicsAccountDialog::reject()
{
    if (m_saving)
        return;
    QDialog::reject();
}

} // namespace bge::ui
