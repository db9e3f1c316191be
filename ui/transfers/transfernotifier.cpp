#include "transfernotifier.h"

#include "transferformat.h"

#include "transfer/transferqueue.h"

#include <QApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMessageMs = 10000;
}

TransferNotifier::TransferNotifier(QWidget* window) : QObject(window), m_widget(window)
{
    m_hideTray.setSingleShot(true);
    m_hideTray.setInterval(kMessageMs);
    connect(&m_hideTray, &QTimer::timeout, this, [this] {
        if (m_tray)
            m_tray->hide();
    });
}

void TransferNotifier::notify(const TransferBatchSummary& batch)
{
    const QString title = TransferFormat::notificationTitle(batch);
    const QString text = TransferFormat::notificationText(batch);
    if (!showInTray(title, text))
        showInStatusBar(title + u": "_s + text);
    if (QWidget* window = m_widget->window(); !window->isActiveWindow())
        QApplication::alert(window);
    Q_EMIT shown(title, text);
}

bool TransferNotifier::showInTray(const QString& title, const QString& text)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return false;
    if (!m_tray) {
        QIcon icon = m_widget->window()->windowIcon();
        if (icon.isNull())
            icon = QApplication::windowIcon();
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        // Only there for the message: gone again afterwards, or when it is clicked.
        connect(m_tray, &QSystemTrayIcon::messageClicked, m_tray, &QSystemTrayIcon::hide);
    }
    m_tray->show();
    m_tray->showMessage(title, text, QSystemTrayIcon::Information, kMessageMs);
    m_hideTray.start();
    return true;
}

bool TransferNotifier::showInStatusBar(const QString& text)
{
    // Only a status bar the window already has: this class does not change the window's layout.
    auto* mainWindow = qobject_cast<QMainWindow*>(m_widget->window());
    QStatusBar* bar =
        mainWindow ? mainWindow->findChild<QStatusBar*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!bar)
        return false;
    bar->showMessage(text, kMessageMs);
    return true;
}

} // namespace bge::ui
