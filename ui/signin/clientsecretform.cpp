#include "clientsecretform.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

ClientSecretForm::ClientSecretForm(Purpose purpose, const QString& clientId, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"clientSecretForm"_s);

    auto* explanation = new QLabel(this);
    explanation->setWordWrap(true);
    explanation->setText(
        purpose == Purpose::ClientCredentials
            ? tr("This profile signs in as the application itself, with the client id and "
                 "secret the platform issued for it. The secret is kept in the system keychain.")
            : tr("Signing in needs the client secret of this application once; it is then kept "
                 "in the system keychain."));

    auto* id = new QLineEdit(clientId, this);
    id->setObjectName(u"clientIdField"_s);
    id->setReadOnly(true);
    id->setAccessibleName(tr("Client id"));

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(u"clientSecretField"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);

    m_error = new QLabel(this);
    m_error->setObjectName(u"clientSecretError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    m_submit =
        new QPushButton(purpose == Purpose::ClientCredentials ? tr("&Sign In") : tr("C&ontinue"), this);
    m_submit->setObjectName(u"clientSecretSubmit"_s);
    m_submit->setDefault(true);
    m_submit->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Client &id:"), id);
    form->addRow(tr("Client &secret:"), m_secret);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_submit, 0, Qt::AlignRight);
    layout->addStretch(2);
    setMinimumWidth(460); // the wrapped explanation would squeeze the form to a narrow column
    setMaximumWidth(640);
    setFocusProxy(m_secret);

    connect(m_secret, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_submit->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_secret, &QLineEdit::returnPressed, this, &ClientSecretForm::submit);
    connect(m_submit, &QPushButton::clicked, this, &ClientSecretForm::submit);
}

void ClientSecretForm::submit()
{
    const QString secret = m_secret->text().trimmed();
    if (secret.isEmpty() || !m_secret->isEnabled())
        return;
    m_error->hide();
    Q_EMIT submitted(secret);
}

void ClientSecretForm::setBusy(bool busy)
{
    m_secret->setEnabled(!busy);
    m_submit->setEnabled(!busy && !m_secret->text().trimmed().isEmpty());
    if (!busy)
        m_secret->setFocus();
}

void ClientSecretForm::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
    m_secret->selectAll();
}

} // namespace bge::ui
