#include "transferactions.h"

#include "transferlistmodel.h"

#include "transfer/transferqueue.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDesktopServices>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMenu>
#include <QStyle>
#include <QUrl>

namespace bge::ui {

using namespace Qt::StringLiterals;

TransferActions::TransferActions(TransferQueue* queue, QAbstractItemView* view, QWidget* parent)
    : QObject(parent), m_queue(queue), m_view(view), m_parent(parent)
{
    m_pause = makeAction(u"pauseTransfersAction"_s, tr("&Pause"), QStyle::SP_MediaPause);
    m_resume = makeAction(u"resumeTransfersAction"_s, tr("&Resume"), QStyle::SP_MediaPlay);
    // No Delete key for it: cancelling throws away the parts sent, too easily done by accident.
    m_cancel = makeAction(u"cancelTransfersAction"_s, tr("&Cancel"), QStyle::SP_DialogCancelButton);
    m_retry = makeAction(u"retryTransfersAction"_s, tr("Re&try"), QStyle::SP_BrowserReload);
    m_overwrite = makeAction(u"overwriteTransfersAction"_s, tr("&Overwrite"), QStyle::SP_DialogSaveButton);
    m_overwrite->setToolTip(tr("Transfer anyway, replacing what has this name"));
    m_skip = makeAction(u"skipTransfersAction"_s, tr("&Skip"), QStyle::SP_DialogNoButton);
    m_skip->setToolTip(tr("Do not transfer the files whose name exists"));
    m_openFolder = makeAction(u"openFolderAction"_s, tr("Open Containing &Folder"), QStyle::SP_DirOpenIcon);
    m_removeFinished =
        makeAction(u"removeFinishedTransfersAction"_s, tr("Remove &Finished"), QStyle::SP_DialogResetButton);
    m_removeFinished->setToolTip(tr("Remove completed, cancelled and skipped transfers from the list"));

    // The states change at once (the views follow at the queue's next tick): so do the actions.
    const auto actOnSelection = [this](QAction* action, auto apply) {
        connect(action, &QAction::triggered, this, [this, apply] {
            apply(selectedIds());
            update();
        });
    };
    actOnSelection(m_pause, [this](const QList<quint64>& ids) { m_queue->pause(ids); });
    actOnSelection(m_resume, [this](const QList<quint64>& ids) { m_queue->resume(ids); });
    actOnSelection(m_cancel, [this](const QList<quint64>& ids) { m_queue->cancel(ids); });
    actOnSelection(m_retry, [this](const QList<quint64>& ids) { m_queue->retry(ids); });
    actOnSelection(m_overwrite, [this](const QList<quint64>& ids) { m_queue->overwrite(ids); });
    actOnSelection(m_skip, [this](const QList<quint64>& ids) { m_queue->skip(ids); });
    connect(m_openFolder, &QAction::triggered, this, &TransferActions::openContainingFolder);
    connect(m_removeFinished, &QAction::triggered, m_queue, &TransferQueue::removeFinished);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TransferActions::update);
    connect(m_queue, &TransferQueue::totalsChanged, this, &TransferActions::update);
    update();
}

QAction* TransferActions::makeAction(const QString& objectName, const QString& text,
                                     QStyle::StandardPixmap icon)
{
    auto* action = new QAction(m_parent->style()->standardIcon(icon), text, this);
    action->setObjectName(objectName);
    return action;
}

QList<QAction*> TransferActions::itemActions() const
{
    return {m_pause, m_resume, m_cancel, m_retry, nullptr, m_overwrite, m_skip, nullptr, m_openFolder};
}

void TransferActions::fillMenu(QMenu* menu) const
{
    for (QAction* action : itemActions()) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    menu->addSeparator();
    menu->addAction(m_removeFinished);
}

QList<quint64> TransferActions::selectedIds() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows)
        ids.append(index.data(TransferListModel::IdRole).value<quint64>());
    return ids;
}

void TransferActions::update()
{
    bool pause = false, resume = false, cancel = false, retry = false, clash = false;
    const QList<quint64> ids = selectedIds();
    for (const quint64 id : ids) {
        const int row = m_queue->rowOf(id);
        if (row < 0)
            continue;
        const TransferItem& item = m_queue->at(row);
        pause |= item.canPause();
        resume |= item.canResume();
        cancel |= item.canCancel();
        retry |= item.canRetry();
        clash |= item.canResolveNameClash();
    }
    m_pause->setEnabled(pause);
    m_resume->setEnabled(resume);
    m_cancel->setEnabled(cancel);
    m_retry->setEnabled(retry);
    m_overwrite->setEnabled(clash);
    m_skip->setEnabled(clash);
    m_openFolder->setEnabled(!ids.isEmpty());
    m_removeFinished->setEnabled(m_queue->totals().finished > 0);
}

void TransferActions::openContainingFolder()
{
    const QModelIndex current = m_view->currentIndex();
    const QList<quint64> ids = selectedIds();
    const quint64 id =
        current.isValid() ? current.data(TransferListModel::IdRole).value<quint64>() : ids.value(0, 0);
    const int row = m_queue->rowOf(id);
    if (row < 0)
        return;
    const QString folder = QFileInfo(m_queue->at(row).localPath).absolutePath();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        Q_EMIT problem(tr("The folder %1 could not be opened.").arg(folder));
}

} // namespace bge::ui
