#pragma once

#include <QList>
#include <QObject>
#include <QStyle>

class QAbstractItemView;
class QAction;
class QMenu;
class QWidget;

namespace bge {
class TransferQueue;
}

namespace bge::ui {

// What can be done to the selected transfers (pause, resume, cancel, retry, overwrite or skip
// on a name clash, open the containing folder) and to the list (remove finished). Each action
// is enabled when it applies to at least one selected item, and acts on all those it applies to.
class TransferActions final : public QObject
{
    Q_OBJECT
public:
    TransferActions(TransferQueue* queue, QAbstractItemView* view, QWidget* parent);

    QAction* pause() const { return m_pause; }
    QAction* resume() const { return m_resume; }
    QAction* cancel() const { return m_cancel; }
    QAction* retry() const { return m_retry; }
    QAction* overwrite() const { return m_overwrite; }
    QAction* skip() const { return m_skip; }
    QAction* openFolder() const { return m_openFolder; }
    QAction* removeFinished() const { return m_removeFinished; }

    // The actions on selected items, in menu order (null entries: separators).
    QList<QAction*> itemActions() const;
    void fillMenu(QMenu* menu) const;
    // Re-reads the selection: after it changed, and after the queue's items changed.
    void update();

Q_SIGNALS:
    // A folder could not be shown (no file manager): the panel says so.
    void problem(const QString& message);

private:
    QList<quint64> selectedIds() const;
    QAction* makeAction(const QString& objectName, const QString& text, QStyle::StandardPixmap icon);
    void openContainingFolder();

    TransferQueue* m_queue;
    QAbstractItemView* m_view;
    QWidget* m_parent;
    QAction* m_pause;
    QAction* m_resume;
    QAction* m_cancel;
    QAction* m_retry;
    QAction* m_overwrite;
    QAction* m_skip;
    QAction* m_openFolder;
    QAction* m_removeFinished;
};

} // namespace bge::ui
