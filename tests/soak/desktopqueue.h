#pragma once

// The desktop app's saved transfer queue (<AppDataLocation>/transfers.json, format 1 of
// core/transfer/transferqueuestore.cpp), written and read the way the app itself does across
// restarts: the soak queues its transfers there, as the app persists them when a person adds
// them, and watches their states while the app runs and after it was killed.
#include <QList>
#include <QString>

namespace bge::test::soak {

struct QueuedTransfer
{
    bool upload = true;
    QString localPath;  // upload: the file; download: the destination
    QString name;       // the file name
    QString objectName; // download: the object; upload: where it went, once completed
    qint64 size = -1;
    QString state = QStringLiteral("queued");
    QString error;
};

QueuedTransfer queuedUpload(const QString& file, qint64 size);
QueuedTransfer queuedDownload(const QString& object, const QString& destination);

bool writeDesktopQueue(const QString& file, const QList<QueuedTransfer>& items);
// Empty when the file is missing or not a queue.
QList<QueuedTransfer> readDesktopQueue(const QString& file);
// Every item ended (completed, failed, cancelled, skipped or waiting on a name clash).
bool allSettled(const QList<QueuedTransfer>& items);
bool allCompleted(const QList<QueuedTransfer>& items);
// Puts failed items back in the queue, as the app's Retry does; returns how many.
int retryFailed(const QString& file);

} // namespace bge::test::soak
