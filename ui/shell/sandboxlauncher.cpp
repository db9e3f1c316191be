#include "sandboxlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The description line is a few kilobytes; a child that prints far more without a newline is
// not a sandbox.
constexpr qsizetype kMaxFirstLine = 1 << 20;
constexpr qsizetype kErrorTail = 4096;

} // namespace

SandboxLauncher::SandboxLauncher(QObject* parent)
    : QObject(parent), m_program(defaultProgram()), m_dataDirectory(defaultDataDirectory())
{
    m_startTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &SandboxLauncher::onStartTimeout);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

SandboxLauncher::~SandboxLauncher()
{
    // The app is going away without a graceful stop(): the child goes with it. QProcess's own
    // destructor reaps it (a killed process ends at once).
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

QString SandboxLauncher::defaultProgram()
{
    const QString dir = QCoreApplication::applicationDirPath();
    const QString found = QStandardPaths::findExecutable(u"bge-sandbox"_s, {dir});
    return found.isEmpty() ? QDir(dir).filePath(u"bge-sandbox"_s) : found;
}

QString SandboxLauncher::defaultDataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(u"sandbox"_s);
}

void SandboxLauncher::start()
{
    if (m_state != State::NotRunning)
        return;
    m_state = State::Starting;
    m_firstLine.clear();
    m_errorTail.clear();
    m_info = {};

    const QFileInfo program(m_program);
    if (!program.isFile() || !program.isExecutable()) {
        QTimer::singleShot(0, this, [this] {
            failStart(tr("The offline sandbox (%1) is not installed next to the app.")
                          .arg(QDir::toNativeSeparators(m_program)));
        });
        return;
    }
    if (!QDir().mkpath(m_dataDirectory)) {
        QTimer::singleShot(0, this, [this] {
            failStart(tr("The sandbox's data folder %1 cannot be created.")
                          .arg(QDir::toNativeSeparators(m_dataDirectory)));
        });
        return;
    }

    auto* process = new QProcess(this);
    m_process = process;
    process->setProgram(m_program);
    process->setArguments({u"--port"_s, u"0"_s, u"--oss-port"_s, u"0"_s, u"--data-dir"_s, m_dataDirectory});
#ifdef Q_OS_LINUX
    // If the app dies without stopping the sandbox (a crash, SIGKILL), the kernel kills the
    // child too. SIGKILL rather than SIGTERM: nobody is left to wait for a clean stop, and a
    // sandbox that stopped listening to SIGTERM must not stay behind either. The parent may
    // already be gone by the time the child runs this: then the child leaves at once.
    const pid_t parentPid = ::getpid();
    process->setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parentPid)
            ::_exit(1);
    });
#endif
    connect(process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::readStandardOutput);
    connect(process, &QProcess::readyReadStandardError, this, &SandboxLauncher::readStandardError);
    connect(process, &QProcess::finished, this, &SandboxLauncher::onFinished);
    connect(process, &QProcess::errorOccurred, this, &SandboxLauncher::onProcessError);
    m_startTimer.start(m_startTimeout);
    process->start();
}

void SandboxLauncher::stop()
{
    switch (m_state) {
    case State::NotRunning:
        QTimer::singleShot(0, this, &SandboxLauncher::stopped);
        return;
    case State::Stopping:
        return;
    case State::Starting:
    case State::Running:
        break;
    }
    m_state = State::Stopping;
    m_startTimer.stop();
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        discardProcess();
        QTimer::singleShot(0, this, &SandboxLauncher::stopped);
        return;
    }
    // The sandbox shuts its servers down on SIGTERM; one that does not within the grace period
    // is killed.
    m_process->terminate();
    m_killTimer.start(m_stopGrace);
}

void SandboxLauncher::readStandardOutput()
{
    if (!m_process)
        return;
    if (m_state != State::Starting) {
        m_process->readAllStandardOutput(); // nothing more is expected there
        return;
    }
    m_firstLine += m_process->readAllStandardOutput();
    const qsizetype newline = m_firstLine.indexOf('\n');
    if (newline < 0) {
        if (m_firstLine.size() > kMaxFirstLine)
            failStart(tr("The sandbox did not describe itself (its first line is not the expected JSON)."));
        return;
    }
    QString problem;
    std::optional<SandboxInfo> info = SandboxInfo::parse(m_firstLine.left(newline), &problem);
    m_firstLine.clear();
    if (!info) {
        failStart(problem);
        return;
    }
    m_startTimer.stop();
    m_info = std::move(*info);
    m_state = State::Running;
    Q_EMIT ready(m_info);
}

void SandboxLauncher::readStandardError()
{
    if (!m_process)
        return;
    m_errorTail += m_process->readAllStandardError();
    if (m_errorTail.size() > kErrorTail)
        m_errorTail = m_errorTail.right(kErrorTail);
}

QString SandboxLauncher::lastErrorLine() const
{
    const QList<QByteArray> lines = m_errorTail.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.constLast()).trimmed().left(300);
}

void SandboxLauncher::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readStandardError();
    const State was = m_state;
    m_state = State::NotRunning;
    m_startTimer.stop();
    m_killTimer.stop();
    discardProcess();
    const QString why = status == QProcess::CrashExit ? tr("it crashed") : tr("exit code %1").arg(exitCode);
    QString message;
    switch (was) {
    case State::Starting:
        message = tr("The sandbox stopped before it was ready (%1).").arg(why);
        if (const QString detail = lastErrorLine(); !detail.isEmpty())
            message += u' ' + tr("It said: %1").arg(detail);
        Q_EMIT startFailed(message);
        return;
    case State::Running:
        message = tr("The sandbox stopped unexpectedly (%1).").arg(why);
        if (const QString detail = lastErrorLine(); !detail.isEmpty())
            message += u' ' + tr("It said: %1").arg(detail);
        Q_EMIT stoppedUnexpectedly(message);
        return;
    case State::Stopping:
        Q_EMIT stopped();
        return;
    case State::NotRunning:
        return;
    }
}

void SandboxLauncher::onProcessError(QProcess::ProcessError error)
{
    // Other errors (a crash, a failed write) end in finished(), handled there.
    if (error != QProcess::FailedToStart || !m_process)
        return;
    const QString reason = m_process->errorString();
    const State was = m_state;
    m_state = State::NotRunning;
    m_startTimer.stop();
    m_killTimer.stop();
    discardProcess();
    if (was == State::Stopping)
        Q_EMIT stopped();
    else
        Q_EMIT startFailed(tr("The sandbox could not be started: %1").arg(reason));
}

void SandboxLauncher::onStartTimeout()
{
    if (m_state != State::Starting)
        return;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_startTimeout).count();
    failStart(
        tr("The sandbox did not get ready within %n second(s).", nullptr, int(std::max<qint64>(1, seconds))));
}

void SandboxLauncher::failStart(const QString& message)
{
    m_state = State::NotRunning;
    m_startTimer.stop();
    m_killTimer.stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
    discardProcess();
    Q_EMIT startFailed(message);
}

void SandboxLauncher::discardProcess()
{
    if (!m_process)
        return;
    QProcess* process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Killed but not yet reaped: delete it once it has finished, so no zombie is left.
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
}

} // namespace bge::ui
