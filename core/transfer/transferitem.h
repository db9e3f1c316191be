#pragma once

#include "readsettransfer.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace bge {

enum class TransferDirection
{
    Upload,
    Download
};

// Where one transfer stands. NameExists waits for the person to choose: overwrite or skip.
enum class TransferState
{
    Queued,
    Running,
    Paused,
    Completed,
    Failed,
    Cancelled,
    NameExists,
    Skipped,
};
inline constexpr int kTransferStateCount = int(TransferState::Skipped) + 1;

// One file of the transfer queue (or the one or two files of a read set). Holds no credential
// and no signed URL: it is saved as is.
struct TransferItem
{
    quint64 id = 0;    // unique within its queue, kept across restarts
    quint64 batch = 0; // the drop, dialog or request it came with (one notification each)
    TransferDirection direction = TransferDirection::Upload;
    QString localPath;  // upload: the file sent; download: the destination written
    QString name;       // upload: the object's file name in the destination; download: the file's
    QString objectName; // download: the object; upload: <destination>/<name> once sent
    qint64 size = -1;   // -1 until known (a download before the server's first answer)
    qint64 done = 0;
    TransferState state = TransferState::Queued;
    QString error; // Failed: what went wrong; NameExists: which name clashes with what
    bool overwrite = false;
    // A HealthOmics read-set transfer rather than one of the platform's object storage.
    std::optional<ReadSetTransfer> readSet;

    // Live figures, refreshed by the queue's tick; never saved.
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1; // -1: unknown

    bool isUpload() const { return direction == TransferDirection::Upload; }
    bool isReadSet() const { return readSet.has_value(); }
    // Nothing more will happen without the person: done, dropped or skipped.
    bool isFinished() const
    {
        return state == TransferState::Completed || state == TransferState::Cancelled ||
               state == TransferState::Skipped;
    }
    // Waiting for a slot or in one.
    bool isActive() const { return state == TransferState::Queued || state == TransferState::Running; }

    bool canPause() const { return isActive(); }
    bool canResume() const { return state == TransferState::Paused; }
    bool canCancel() const { return !isFinished(); }
    bool canRetry() const { return state == TransferState::Failed; }
    bool canResolveNameClash() const { return state == TransferState::NameExists; }
};

// Stable names for saving ("queued", "running", …).
QString transferStateKey(TransferState state);
std::optional<TransferState> transferStateFromKey(QStringView key);

} // namespace bge
