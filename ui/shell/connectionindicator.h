#pragma once

#include "connectionmonitor.h"

#include <QToolButton>

namespace bge::ui {

// The status bar's "Online" / "Offline" / "Signing in…" with an icon; the tooltip says why
// when offline, and a click checks again at once.
class ConnectionIndicator final : public QToolButton
{
    Q_OBJECT
public:
    ConnectionIndicator(ConnectionMonitor* monitor, QWidget* parent = nullptr);

private:
    void update(ConnectionMonitor::State state);

    ConnectionMonitor* m_monitor;
};

} // namespace bge::ui
