#include "profilechooserpage.h"

#include "centredcolumn.h"
#include "paletteiconengine.h"
#include "net/cabundle.h"
#include "profiles/profilestore.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kindId(Profile::Kind kind)
{
    return static_cast<int>(kind);
}

QLabel* hint(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText); // secondary text, from the palette
    label->setIndent(24);
    return label;
}

} // namespace

ProfileChooserPage::ProfileChooserPage(QWidget* parent)
    : QWidget(parent), m_kinds(new QButtonGroup(this)), m_customEndpoint(new QLineEdit(this)),
      m_clientId(new QLineEdit(this)), m_caBundle(new QLineEdit(this)), m_grantMode(new QComboBox(this)), m_problem(new QLabel(this)),
      m_message(new QLabel(this)), m_continue(new QPushButton(tr("&Continue"), this))
{
    setObjectName(u"profileChooserPage"_s);
    setAccessibleName(tr("Choose where to connect"));

    auto* title = new QLabel(tr("Where do you want to connect?"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* main = new QRadioButton(tr("BGE &Open Platform"), this);
    main->setObjectName(u"mainProfile"_s);
    auto* backup = new QRadioButton(tr("&Backup endpoint"), this);
    backup->setObjectName(u"backupProfile"_s);
    auto* custom = new QRadioButton(tr("C&ustom address"), this);
    custom->setObjectName(u"customProfile"_s);
    auto* sandbox = new QRadioButton(tr("&Sandbox (offline demo)"), this);
    sandbox->setObjectName(u"sandboxProfile"_s);
    sandbox->setIcon(uiIcon({}, u"sandbox"_s));
    m_kinds->addButton(main, kindId(Profile::Kind::Main));
    m_kinds->addButton(backup, kindId(Profile::Kind::Backup));
    m_kinds->addButton(custom, kindId(Profile::Kind::Custom));
    m_kinds->addButton(sandbox, kindId(Profile::Kind::Sandbox));

    m_customEndpoint->setObjectName(u"customEndpoint"_s);
    m_customEndpoint->setPlaceholderText(u"https://api.example.org"_s);
    m_customEndpoint->setAccessibleName(tr("Custom address"));
    m_customEndpoint->setClearButtonEnabled(true);

    auto* application = new QGroupBox(tr("Application"), this);
    m_clientId->setObjectName(u"clientId"_s);
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientId->setPlaceholderText(tr("The client ID the platform gave your application"));
    m_grantMode->setObjectName(u"grantMode"_s);
    m_grantMode->setAccessibleName(tr("Sign-in method"));
    m_grantMode->addItem(tr("Sign in with my account (authorization code)"),
                         Profile::grantModeName(Profile::GrantMode::AuthorizationCode));
    m_grantMode->addItem(tr("The application's own data (client credentials)"),
                         Profile::grantModeName(Profile::GrantMode::ClientCredentials));
    auto* form = new QFormLayout(application);
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(tr("Sign-in &method:"), m_grantMode);
    // Organisations that inspect TLS or run their own platform address have their own CA.
    m_caBundle->setObjectName(u"caBundle"_s);
    m_caBundle->setAccessibleName(tr("Extra certificate authorities"));
    m_caBundle->setPlaceholderText(tr("Optional: a PEM file of your organisation's certificate authorities"));
    m_caBundle->setClearButtonEnabled(true);
    form->addRow(tr("Certificate &authorities:"), m_caBundle);

    m_problem->setObjectName(u"profileProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_message->setObjectName(u"profileMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_continue->setObjectName(u"continueButton"_s);
    m_continue->setDefault(true);
    m_continue->setAutoDefault(true);

    // A readable column in the middle of the window, however wide it is.
    auto* column = new QWidget(this);
    column->setMaximumWidth(560);
    auto* layout = new QVBoxLayout(column);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addWidget(main);
    layout->addWidget(hint(Profile::mainEndpoint().host(), column));
    layout->addWidget(backup);
    layout->addWidget(hint(
        tr("%1, when the main address cannot be reached.").arg(Profile::backupEndpoint().host()), column));
    layout->addWidget(custom);
    layout->addWidget(m_customEndpoint);
    layout->addWidget(sandbox);
    layout->addWidget(
        hint(tr("A copy of the platform with demo data, run by the app on this computer; nothing "
                "leaves it. Sign in as %1 with the password %2.")
                 .arg(u"zhanglei3"_s, u"bge-sandbox"_s),
             column));
    layout->addSpacing(8);
    layout->addWidget(application);
    layout->addWidget(m_problem);
    layout->addWidget(m_continue, 0, Qt::AlignRight);

    placeInCentredColumn(this, column);

    // Keyboard order follows the reading order.
    setTabOrder(main, backup);
    setTabOrder(backup, custom);
    setTabOrder(custom, m_customEndpoint);
    setTabOrder(m_customEndpoint, sandbox);
    setTabOrder(sandbox, m_clientId);
    setTabOrder(m_clientId, m_grantMode);
    setTabOrder(m_grantMode, m_caBundle);
    setTabOrder(m_caBundle, m_continue);

    main->setChecked(true);
    connect(m_kinds, &QButtonGroup::idToggled, this, &ProfileChooserPage::updateState);
    connect(m_customEndpoint, &QLineEdit::textChanged, this, &ProfileChooserPage::updateState);
    connect(m_clientId, &QLineEdit::textChanged, this, &ProfileChooserPage::updateState);
    connect(m_caBundle, &QLineEdit::textChanged, this, &ProfileChooserPage::updateState);
    connect(m_customEndpoint, &QLineEdit::returnPressed, this, &ProfileChooserPage::choose);
    connect(m_clientId, &QLineEdit::returnPressed, this, &ProfileChooserPage::choose);
    connect(m_continue, &QPushButton::clicked, this, &ProfileChooserPage::choose);
    updateState();
}

void ProfileChooserPage::load(const ProfileStore& store, const QString& selected)
{
    const std::optional<Profile> chosen = store.load(selected);
    const Profile::Kind kind = chosen ? chosen->kind : Profile::Kind::Main;
    if (QAbstractButton* button = m_kinds->button(kindId(kind)))
        button->setChecked(true);
    if (const auto custom = store.load(Profile::kindName(Profile::Kind::Custom)))
        m_customEndpoint->setText(custom->endpoint.toString());
    // The application registered with the platform is usually the same whatever the endpoint.
    std::optional<Profile> withApp = chosen && chosen->kind != Profile::Kind::Sandbox ? chosen : std::nullopt;
    for (const Profile::Kind k : {Profile::Kind::Main, Profile::Kind::Backup, Profile::Kind::Custom}) {
        if (!withApp)
            withApp = store.load(Profile::kindName(k));
    }
    if (withApp) {
        m_clientId->setText(withApp->clientId);
        m_grantMode->setCurrentIndex(m_grantMode->findData(Profile::grantModeName(withApp->grantMode)));
        m_caBundle->setText(withApp->caBundle);
    }
    updateState();
}

void ProfileChooserPage::setMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

Profile::Kind ProfileChooserPage::selectedKind() const
{
    return static_cast<Profile::Kind>(m_kinds->checkedId());
}

Profile ProfileChooserPage::profile() const
{
    const Profile::Kind kind = selectedKind();
    Profile p;
    switch (kind) {
    case Profile::Kind::Main:
    case Profile::Kind::Backup:
        p = Profile::builtIn(kind);
        break;
    case Profile::Kind::Custom:
        p.kind = kind;
        p.name = Profile::kindName(kind);
        p.endpoint = normalizedEndpoint(m_customEndpoint->text());
        break;
    case Profile::Kind::Sandbox:
        // The endpoint and the demo application come from the sandbox once it runs.
        p.kind = kind;
        p.name = Profile::kindName(kind);
        return p;
    }
    p.clientId = m_clientId->text().trimmed();
    p.caBundle = m_caBundle->text().trimmed();
    p.grantMode = Profile::grantModeFromName(m_grantMode->currentData().toString())
                      .value_or(Profile::GrantMode::AuthorizationCode);
    return p;
}

QString ProfileChooserPage::problem() const
{
    const Profile::Kind kind = selectedKind();
    if (kind == Profile::Kind::Sandbox)
        return {};
    if (kind == Profile::Kind::Custom) {
        if (m_customEndpoint->text().trimmed().isEmpty())
            return tr("Enter the address of the platform.");
        if (const QString problem = endpointProblem(normalizedEndpoint(m_customEndpoint->text()));
            !problem.isEmpty())
            return problem;
    }
    const QString clientId = m_clientId->text().trimmed();
    if (clientId.isEmpty())
        return tr("Enter the client ID of your application, as registered on the platform.");
    static const QRegularExpression kSpace(u"\\s"_s);
    if (clientId.contains(kSpace))
        return tr("A client ID has no spaces.");
    if (const QString caBundle = m_caBundle->text().trimmed(); !caBundle.isEmpty()) {
        if (const auto cas = net::CaBundle::load(caBundle); !cas)
            return cas.error().detail();
    }
    return {};
}

void ProfileChooserPage::updateState()
{
    const bool sandbox = selectedKind() == Profile::Kind::Sandbox;
    m_customEndpoint->setEnabled(selectedKind() == Profile::Kind::Custom);
    m_clientId->setEnabled(!sandbox);
    m_grantMode->setEnabled(!sandbox);
    m_caBundle->setEnabled(!sandbox);
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_continue->setEnabled(problem.isEmpty());
}

void ProfileChooserPage::choose()
{
    if (!problem().isEmpty())
        return;
    Q_EMIT profileChosen(profile());
}

} // namespace bge::ui
