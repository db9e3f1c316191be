#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QSystemTrayIcon;
class QWidget;

namespace bge {
struct TransferBatchSummary;
}

namespace bge::ui {

// Tells the person a batch of transfers has ended: a desktop notification through the system
// tray when there is one (its icon shown only for the message), otherwise the main window's
// status bar if it has one; the window's taskbar entry is flagged when it is not active.
// Always also emits shown(), for the panel's own message line.
class TransferNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit TransferNotifier(QWidget* window);

    void notify(const bge::TransferBatchSummary& batch);

Q_SIGNALS:
    void shown(const QString& title, const QString& text);

private:
    bool showInTray(const QString& title, const QString& text);
    bool showInStatusBar(const QString& text);

    QWidget* m_widget;
    QPointer<QSystemTrayIcon> m_tray;
    QTimer m_hideTray;
};

} // namespace bge::ui
