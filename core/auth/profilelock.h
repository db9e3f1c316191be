#pragma once

#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace bge {

// A lock around one profile's session, shared by every process of the user (the desktop app,
// any number of `bge` commands): a QLockFile in the user's runtime folder. Taken without ever
// blocking the event loop (tryLock(0) polled on a timer). A lock whose process is gone is
// taken over at once.
//
// kStaleMs is not an upper bound on a refresh, and need not be: a refresh is repeated (4
// attempts, each up to the transfer time-out, which `bge --timeout` sets up to an hour, plus
// backoff) and can outlast it. QLockFile finds an old lock "stale" by its age alone, but
// removes it only after taking the file's own lock (flock on Unix; on Windows the holder's open
// handle forbids deletion), which the holder keeps while it lives: a live holder, however slow,
// is never taken over (tst_sharedsession liveHolderIsNeverStale). Only a file whose holder is
// gone without unlocking (killed, crashed) is, and at once when it was on this machine.
class ProfileLock final : public QObject
{
    Q_OBJECT
public:
    // Acquired: true when held, false when the lock file cannot be made at all (a read-only
    // runtime folder): the caller then goes on without it rather than failing the session.
    using Acquired = std::function<void(bool held)>;

    // `staleMs`: kStaleMs but in tests.
    explicit ProfileLock(QString path, QObject* parent = nullptr, int staleMs = kStaleMs);
    ~ProfileLock() override;

    // <runtime folder>/bge-session-<profile>.lock
    static QString pathFor(const QString& profile);
    static constexpr int kStaleMs = 120000;

    const QString& path() const { return m_path; }
    bool isHeld() const { return m_held; }
    void acquire(Acquired done);
    void release();

private:
    void poll();

    QString m_path;
    std::unique_ptr<QLockFile> m_file;
    QTimer m_retry;
    int m_staleMs;
    Acquired m_done;
    bool m_held = false;
};

} // namespace bge
