#include "transferformat.h"

#include "transfer/transferqueue.h"

#include <QLocale>
#include <QStringList>

namespace bge::ui {

using namespace Qt::StringLiterals;

QString TransferFormat::size(qint64 bytes)
{
    return bytes < 0 ? u"—"_s : QLocale().formattedDataSize(bytes, 1);
}

QString TransferFormat::speed(double bytesPerSecond)
{
    return tr("%1/s").arg(QLocale().formattedDataSize(qint64(bytesPerSecond), 1));
}

QString TransferFormat::duration(qint64 seconds)
{
    if (seconds < 0)
        return u"—"_s;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString TransferFormat::direction(TransferDirection direction)
{
    return direction == TransferDirection::Upload ? tr("Upload") : tr("Download");
}

QString TransferFormat::direction(const TransferItem& item)
{
    if (!item.readSet)
        return direction(item.direction);
    return item.isUpload() ? tr("Upload to HealthOmics") : tr("Download from HealthOmics");
}

QString TransferFormat::name(const TransferItem& item)
{
    if (item.readSet && item.readSet->isPair())
        return tr("%1 (R1 + R2)").arg(item.name);
    return item.name;
}

QString TransferFormat::store(const ReadSetTransfer& readSet)
{
    return tr("sequence store %1 (account %2)").arg(readSet.storeId, readSet.account);
}

QString TransferFormat::route(const TransferItem& item)
{
    if (!item.readSet) {
        if (item.isUpload())
            return item.objectName.isEmpty() ? item.localPath
                                             : tr("%1\nto %2").arg(item.localPath, item.objectName);
        return tr("%1\nto %2").arg(item.objectName, item.localPath);
    }
    const ReadSetTransfer& r = *item.readSet;
    if (!item.isUpload())
        return tr("%1 of the read set %2 in the %3\nto %4")
            .arg(r.file, r.readSetId, store(r), item.localPath);
    QString files = item.localPath;
    if (r.isPair())
        files = tr("R1: %1\nR2: %2").arg(item.localPath, r.secondFile);
    const QString to = r.readSetId.isEmpty() ? tr("to the %1").arg(store(r))
                                             : tr("to the %1 as the read set %2").arg(store(r), r.readSetId);
    return files + u'\n' + to;
}

QString TransferFormat::state(const TransferItem& item)
{
    if (item.readSet && item.isUpload()) {
        const ReadSetTransfer& r = *item.readSet;
        // The service's verdict on the read set says more than "Uploading" or "Done".
        if (item.state == TransferState::Running && r.isProcessing())
            return tr("Processing");
        if (item.state == TransferState::Completed && r.status == u"ACTIVE"_s)
            return tr("Active");
        if (item.state == TransferState::Failed && r.status == u"UPLOAD_FAILED"_s)
            return tr("Upload failed: %1")
                .arg(r.statusMessage.isEmpty() ? tr("no reason given") : r.statusMessage);
    }
    switch (item.state) {
    case TransferState::Queued:
        return tr("Queued");
    case TransferState::Running:
        return item.isUpload() ? tr("Uploading") : tr("Downloading");
    case TransferState::Paused:
        return tr("Paused");
    case TransferState::Completed:
        return tr("Done");
    case TransferState::Failed:
        return tr("Failed");
    case TransferState::Cancelled:
        return tr("Cancelled");
    case TransferState::NameExists:
        return tr("Name exists: overwrite or skip?");
    case TransferState::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString TransferFormat::summary(const TransferTotals& totals)
{
    if (totals.items == 0)
        return tr("No transfers. Drop files or folders on the window to upload them.");
    QStringList parts{tr("%1 of %2 files done").arg(totals.completed).arg(totals.items),
                      tr("%1 of %2").arg(size(totals.doneBytes), size(totals.totalBytes))};
    if (totals.running > 0) {
        parts << speed(totals.bytesPerSecond);
        if (totals.etaSeconds >= 0)
            parts << tr("about %1 left").arg(duration(totals.etaSeconds));
    }
    if (totals.failed > 0)
        parts << tr("failed: %1").arg(totals.failed);
    if (totals.nameClashes > 0)
        parts << tr("names that exist, to overwrite or skip: %1").arg(totals.nameClashes);
    return parts.join(u" · "_s);
}

QString TransferFormat::statusSummary(const TransferTotals& totals)
{
    // Counts after their verb, so that no language needs a plural of "upload".
    QStringList parts;
    if (totals.uploading > 0)
        parts << tr("%1 uploading").arg(totals.uploading);
    if (totals.downloading > 0)
        parts << tr("%1 downloading").arg(totals.downloading);
    if (totals.waiting > 0)
        parts << tr("%1 waiting").arg(totals.waiting);
    if (totals.failed > 0)
        parts << tr("%1 failed").arg(totals.failed);
    if (parts.isEmpty())
        return totals.items > 0 ? tr("Transfers: %1 done").arg(totals.completed) : tr("No transfers");
    if (totals.totalBytes > 0 && totals.uploading + totals.downloading > 0)
        parts << tr("%1%").arg(totals.doneBytes * 100 / totals.totalBytes);
    return parts.join(tr(", "));
}

QString TransferFormat::notificationTitle(const TransferBatchSummary& batch)
{
    return batch.failed > 0 ? tr("Transfers finished with errors") : tr("Transfers finished");
}

QString TransferFormat::notificationText(const TransferBatchSummary& batch)
{
    QStringList sentences;
    if (batch.items == 1 && batch.completed == 1) {
        sentences << (batch.direction == TransferDirection::Upload
                          ? tr("%1 was uploaded.").arg(batch.name)
                          : tr("%1 was downloaded.").arg(batch.name));
    } else if (batch.items == 1 && batch.failed == 1) {
        sentences << tr("%1 could not be transferred.").arg(batch.name);
    } else {
        sentences << tr("Files transferred: %1.").arg(batch.completed);
        if (batch.failed > 0)
            sentences << tr("Failed: %1.").arg(batch.failed);
    }
    if (batch.waiting > 0)
        sentences << tr("Waiting for you (paused, or a name that exists): %1.").arg(batch.waiting);
    return sentences.join(u' ');
}

} // namespace bge::ui
