#include "measuredrun.h"

#include <QElapsedTimer>
#include <QFile>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace bge::bench {

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<char*> pointersTo(QList<QByteArray>& strings)
{
    std::vector<char*> pointers;
    for (QByteArray& s : strings)
        pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

// VmHWM of a live process (KiB), 0 when it has none (gone, or a zombie).
qint64 peakResidentOf(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

double seconds(const timeval& t)
{
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

} // namespace

MeasuredRun runMeasured(const QString& program, const QStringList& arguments,
                        const QProcessEnvironment& environment, const QString& scratchPrefix)
{
    MeasuredRun run;
    QList<QByteArray> argv{QFile::encodeName(program)};
    for (const QString& a : arguments)
        argv.append(a.toLocal8Bit());
    QList<QByteArray> envp;
    for (const QString& entry : environment.toStringList())
        envp.append(entry.toLocal8Bit());
    std::vector<char*> argvPointers = pointersTo(argv);
    std::vector<char*> envPointers = pointersTo(envp);

    const QByteArray outPath = QFile::encodeName(scratchPrefix + QStringLiteral(".out"));
    const QByteArray errPath = QFile::encodeName(scratchPrefix + QStringLiteral(".err"));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);

    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv.first().constData(), &actions, nullptr, argvPointers.data(),
                                    envPointers.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return run;
    run.started = true;

    // Peak memory is sampled from /proc rather than taken from wait4: a child made by
    // posix_spawn (vfork) starts its ru_maxrss at the parent's peak, which would hide the
    // child's own. VmHWM belongs to the child's address space after exec; sampled every 20 ms,
    // it can miss only growth in the child's last moments.
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid || (done < 0 && errno != EINTR))
            break;
        run.peakRssKiB = qMax(run.peakRssKiB, peakResidentOf(pid));
        usleep(20000);
    }
    run.wallSeconds = double(clock.nsecsElapsed()) / 1e9;
    run.exitedNormally = WIFEXITED(status);
    run.exitCode = run.exitedNormally ? WEXITSTATUS(status) : -1;
    run.userSeconds = seconds(usage.ru_utime);
    run.systemSeconds = seconds(usage.ru_stime);
    run.out = readAll(QFile::decodeName(outPath));
    run.err = readAll(QFile::decodeName(errPath));
    QFile::remove(QFile::decodeName(outPath));
    QFile::remove(QFile::decodeName(errPath));
    return run;
}

double cpuSecondsOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // Fields after the command name, which may hold spaces: "pid (comm) state ppid ...".
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks; // utime, stime
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QStringLiteral("?");
}

bool writePrivateFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) && f.write(content) == content.size();
}

} // namespace bge::bench
