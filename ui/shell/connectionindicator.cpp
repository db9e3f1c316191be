#include "connectionindicator.h"

#include "paletteiconengine.h"

namespace bge::ui {

using namespace Qt::StringLiterals;

ConnectionIndicator::ConnectionIndicator(ConnectionMonitor* monitor, QWidget* parent)
    : QToolButton(parent), m_monitor(monitor)
{
    setObjectName(u"connectionIndicator"_s);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(this, &QToolButton::clicked, monitor, &ConnectionMonitor::checkNow);
    connect(monitor, &ConnectionMonitor::stateChanged, this, &ConnectionIndicator::update);
    update(monitor->state());
}

void ConnectionIndicator::update(ConnectionMonitor::State state)
{
    QString text;
    QString tip;
    switch (state) {
    case ConnectionMonitor::State::Idle:
        setIcon(uiIcon(u"network-offline"_s, u"offline"_s));
        text = tr("Not signed in");
        break;
    case ConnectionMonitor::State::Connecting:
        setIcon(uiIcon({}, u"connecting"_s));
        text = tr("Signing in…");
        break;
    case ConnectionMonitor::State::Online:
        setIcon(uiIcon({}, u"online"_s));
        text = tr("Online");
        tip = tr("The platform answers. Click to check again.");
        break;
    case ConnectionMonitor::State::Offline:
        setIcon(uiIcon(u"network-offline"_s, u"offline"_s));
        text = tr("Offline");
        tip = m_monitor->problem() + u'\n' + tr("Click to check again.");
        break;
    }
    setText(text);
    setToolTip(tip);
    setEnabled(state == ConnectionMonitor::State::Online || state == ConnectionMonitor::State::Offline);
    // Screen readers announce the state, not just "button".
    setAccessibleName(tr("Connection: %1").arg(text));
}

} // namespace bge::ui
