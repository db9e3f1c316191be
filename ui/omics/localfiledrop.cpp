#include "localfiledrop.h"

#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QWidget>

namespace bge::ui {

LocalFileDrop::LocalFileDrop(QWidget* target, std::function<bool(const QPoint&)> accepts)
    : QObject(target), m_accepts(std::move(accepts))
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

QList<QUrl> LocalFileDrop::localFiles(const QMimeData* mime)
{
    QList<QUrl> files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile())
            return {}; // all or nothing: half a drop would surprise
        files.append(url);
    }
    return files;
}

bool LocalFileDrop::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        const bool ok =
            !localFiles(drag->mimeData()).isEmpty() && (!m_accepts || m_accepts(drag->position().toPoint()));
        if (ok) {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
        } else {
            drag->ignore();
        }
        return true;
    }
    case QEvent::DragLeave:
        return true;
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QList<QUrl> files = localFiles(drop->mimeData());
        const QPoint position = drop->position().toPoint();
        if (files.isEmpty() || (m_accepts && !m_accepts(position))) {
            drop->ignore();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        Q_EMIT dropped(files, position);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace bge::ui
