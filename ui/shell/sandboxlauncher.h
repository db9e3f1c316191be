#pragma once

#include "sandboxinfo.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <chrono>

namespace bge::ui {

// Runs bge-sandbox as a child process for the "Sandbox (offline demo)" profile: on free
// loopback ports, with a persistent data directory, reading the JSON line it prints at start
// without blocking the window. The child never outlives the app: stop() asks it to end and
// kills it after a grace period, the destructor kills it, and on Linux the kernel kills it if
// the app dies without either (PR_SET_PDEATHSIG).
class SandboxLauncher final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        NotRunning,
        Starting,
        Running,
        Stopping
    };
    Q_ENUM(State)

    explicit SandboxLauncher(QObject* parent = nullptr);
    ~SandboxLauncher() override;

    // bge-sandbox installed next to the app's executable.
    static QString defaultProgram();
    // Persistent, so files uploaded to the demo survive a restart of the app.
    static QString defaultDataDirectory();

    void setProgram(const QString& program) { m_program = program; }
    const QString& program() const { return m_program; }
    void setDataDirectory(const QString& directory) { m_dataDirectory = directory; }
    const QString& dataDirectory() const { return m_dataDirectory; }
    void setStartTimeout(std::chrono::milliseconds timeout) { m_startTimeout = timeout; }
    void setStopGracePeriod(std::chrono::milliseconds grace) { m_stopGrace = grace; }

    State state() const { return m_state; }
    // Valid once ready() was emitted, until the sandbox stops.
    const SandboxInfo& info() const { return m_info; }

    // Exactly one of ready() or startFailed() follows, never from inside the call.
    void start();
    // stopped() follows once the child is gone (at once when none is running).
    void stop();

Q_SIGNALS:
    void ready(const bge::ui::SandboxInfo& info);
    void startFailed(const QString& message);
    // The sandbox ended by itself after it was ready.
    void stoppedUnexpectedly(const QString& message);
    void stopped();

private:
    void readStandardOutput();
    void readStandardError();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void onStartTimeout();
    void failStart(const QString& message);
    QString lastErrorLine() const;
    void discardProcess();

    QString m_program;
    QString m_dataDirectory;
    std::chrono::milliseconds m_startTimeout{std::chrono::seconds(30)};
    std::chrono::milliseconds m_stopGrace{std::chrono::seconds(3)};
    State m_state = State::NotRunning;
    QPointer<QProcess> m_process;
    QByteArray m_firstLine;
    QByteArray m_errorTail;
    SandboxInfo m_info;
    QTimer m_startTimer;
    QTimer m_killTimer;
};

} // namespace bge::ui
