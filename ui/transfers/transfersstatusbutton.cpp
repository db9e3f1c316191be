#include "transfersstatusbutton.h"

#include "transferformat.h"

#include "transfer/transferqueue.h"

#include <QAction>
#include <QDockWidget>

namespace bge::ui {

using namespace Qt::StringLiterals;

TransfersStatusButton::TransfersStatusButton(QDockWidget* dock, QWidget* parent)
    : QToolButton(parent), m_dock(dock)
{
    setObjectName(u"transfersStatus"_s);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAccessibleName(tr("Transfers"));
    setFocusPolicy(Qt::TabFocus);
    hide();
    connect(this, &QToolButton::clicked, this, &TransfersStatusButton::showPanel);
    // toggled follows the dock's own visibility, whatever hid or showed it.
    connect(m_dock->toggleViewAction(), &QAction::toggled, this, &TransfersStatusButton::refresh);
}

void TransfersStatusButton::setQueue(TransferQueue* queue)
{
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = queue;
    if (m_queue)
        connect(m_queue, &TransferQueue::totalsChanged, this, &TransfersStatusButton::refresh);
    refresh();
}

void TransfersStatusButton::refresh()
{
    const TransferTotals totals = m_queue ? m_queue->totals() : TransferTotals{};
    const bool told = totals.items > 0 && m_dock->isHidden();
    if (told) {
        setText(TransferFormat::statusSummary(totals));
        const QString shortcut = m_dock->toggleViewAction()->shortcut().toString(QKeySequence::NativeText);
        setToolTip(shortcut.isEmpty() ? tr("Show the transfers")
                                      : tr("Show the transfers (%1)").arg(shortcut));
        setAccessibleDescription(text());
    }
    setVisible(told);
}

void TransfersStatusButton::showPanel()
{
    m_dock->show();
    m_dock->raise();
}

} // namespace bge::ui
