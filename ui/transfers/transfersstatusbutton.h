#pragma once

#include <QPointer>
#include <QToolButton>

class QDockWidget;

namespace bge {
class TransferQueue;
}

namespace bge::ui {

// The status bar's word on transfers while their panel is hidden ("2 uploading, 43%"); a click,
// or Space on it, brings the panel back. Hidden while the panel shows, and when the queue is
// empty: the window's height goes to the results.
class TransfersStatusButton final : public QToolButton
{
    Q_OBJECT
public:
    explicit TransfersStatusButton(QDockWidget* dock, QWidget* parent = nullptr);

    // The queue told of; none (signed out) hides the button.
    void setQueue(TransferQueue* queue);

private:
    void refresh();
    void showPanel();

    QDockWidget* m_dock;
    QPointer<TransferQueue> m_queue;
};

} // namespace bge::ui
