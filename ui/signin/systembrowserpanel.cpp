#include "systembrowserpanel.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

SystemBrowserPanel::SystemBrowserPanel(const QUrl& authorizationUrl, QWidget* parent)
    : QWidget(parent), m_url(authorizationUrl)
{
    setObjectName(u"systemBrowserPanel"_s);

    auto* explanation =
        new QLabel(tr("Sign in on the platform's page in your web browser. When you have approved "
                      "the access, the browser hands the answer back to this program and the "
                      "sign-in completes here."),
                   this);
    explanation->setWordWrap(true);

    auto* open = new QPushButton(tr("&Open in Browser"), this);
    open->setObjectName(u"openInBrowserButton"_s);
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &SystemBrowserPanel::openBrowser);

    auto* manual =
        new QLabel(tr("If no browser opens, copy this address into a browser on this computer:"), this);
    manual->setWordWrap(true);
    // A line edit, not a label: an address has no place to wrap, and this one is easy to copy.
    auto* address = new QLineEdit(authorizationUrl.toString(QUrl::FullyEncoded), this);
    address->setObjectName(u"authorizationAddress"_s);
    address->setReadOnly(true);
    address->setCursorPosition(0);
    address->setAccessibleName(tr("Sign-in address"));
    manual->setBuddy(address);

    auto* column = new QVBoxLayout;
    column->addWidget(explanation);
    column->addWidget(open, 0, Qt::AlignLeft);
    column->addSpacing(12);
    column->addWidget(manual);
    column->addWidget(address);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(column);
    layout->addStretch(2);
    setMinimumWidth(520);
    setMaximumWidth(720);
    setFocusProxy(open);
}

void SystemBrowserPanel::openBrowser()
{
    QDesktopServices::openUrl(m_url);
    Q_EMIT browserOpened();
}

} // namespace bge::ui
