#include "signinpage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

SignInPage::SignInPage(const QString& server, const QString& profile, QWidget* parent) : QWidget(parent)
{
    setObjectName(u"signInPage"_s);
    setAccessibleName(tr("Sign in"));

    auto* title = new QLabel(tr("Sign in to the BGE Open Platform"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);

    // The address is what tells a genuine page from a look-alike: always in plain sight.
    auto* where = new QLabel(this);
    where->setObjectName(u"serverLabel"_s);
    where->setTextFormat(Qt::PlainText);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setText(tr("Server: %1 (profile \"%2\")").arg(server, profile));

    m_contentLayout = new QVBoxLayout;
    m_contentLayout->setContentsMargins(0, 0, 0, 0);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"signInProgress"_s);
    m_progress->setAccessibleName(tr("Sign-in progress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();

    m_problemIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_problemIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_problemIcon->setAlignment(Qt::AlignTop);
    m_problemIcon->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(u"signInStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_retry = buttons->addButton(tr("&Try Again"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->hide();
    m_systemBrowser = buttons->addButton(tr("Open in System &Browser Instead"), QDialogButtonBox::ActionRole);
    m_systemBrowser->setObjectName(u"systemBrowserButton"_s);
    m_systemBrowser->setToolTip(
        tr("Sign in with your usual web browser; the answer comes back to this program "
           "on this computer."));
    m_systemBrowser->hide();
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    connect(cancel, &QPushButton::clicked, this, &SignInPage::cancelRequested);
    connect(m_retry, &QPushButton::clicked, this, &SignInPage::retryRequested);
    connect(m_systemBrowser, &QPushButton::clicked, this, &SignInPage::systemBrowserRequested);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(where);
    layout->addLayout(m_contentLayout, 1);
    layout->addWidget(m_progress);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_problemIcon);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);
    layout->addWidget(buttons);
}

void SignInPage::setContent(QWidget* content)
{
    if (m_content == content)
        return;
    if (m_content) {
        m_content->hide();
        m_content->deleteLater();
    }
    m_content = content;
    // Whoever focuses the page (the shell, when it shows it) focuses what there is to type in.
    setFocusProxy(content);
    if (content) {
        // Forms keep a readable width in the middle; the browser takes the whole space.
        m_contentLayout->addWidget(
            content, 0, content->maximumWidth() < QWIDGETSIZE_MAX ? Qt::AlignHCenter : Qt::Alignment());
        content->show();
        content->setFocus();
    }
}

void SignInPage::focusContent()
{
    if (!m_content)
        return;
    // Focus the person put elsewhere in the window (a menu, another panel) stays there. Focus on
    // this page's own buttons moves: hiding a content the focus was in (the browser swaps its
    // widget on some navigations) leaves it there by accident, not by choice.
    const QWidget* focused = QApplication::focusWidget();
    const bool elsewhere = focused && focused != this && !isAncestorOf(focused) && focused->window() == window();
    if (!elsewhere)
        m_content->setFocus(Qt::OtherFocusReason);
}

void SignInPage::showBusy(const QString& text)
{
    m_progress->setRange(0, 0);
    m_progress->show();
    m_problemIcon->hide();
    m_status->setText(text);
    m_status->show();
    m_retry->hide();
}

void SignInPage::showLoadProgress(int percent)
{
    m_progress->setRange(0, 100);
    m_progress->setValue(percent);
    m_progress->setVisible(percent < 100);
}

void SignInPage::showProblem(const QString& text, const QString& detail)
{
    m_progress->hide();
    m_problemIcon->show();
    m_status->setText(detail.isEmpty() ? text : tr("%1\nDetails: %2").arg(text, detail));
    m_status->show();
    m_retry->show();
}

void SignInPage::showNote(const QString& text)
{
    m_progress->hide();
    m_problemIcon->hide();
    m_status->setText(text);
    m_status->show();
    m_retry->hide();
}

void SignInPage::clearStatus()
{
    m_progress->hide();
    m_problemIcon->hide();
    m_status->hide();
    m_status->clear();
    m_retry->hide();
}

void SignInPage::setSystemBrowserOffered(bool offered)
{
    m_systemBrowser->setVisible(offered);
}

} // namespace bge::ui
