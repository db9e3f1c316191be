#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace bge::bench {

// What one child process cost: wall time, CPU time as the kernel counted it for that child
// (wait4's rusage), peak resident memory (its VmHWM, sampled), and what it printed.
struct MeasuredRun
{
    bool started = false;
    bool exitedNormally = false;
    int exitCode = -1;
    double wallSeconds = 0;
    double userSeconds = 0;
    double systemSeconds = 0;
    qint64 peakRssKiB = 0;
    QByteArray out;
    QByteArray err;

    bool succeeded() const { return started && exitedNormally && exitCode == 0; }
    double cpuSeconds() const { return userSeconds + systemSeconds; }
};

// Runs `program` to its end (blocking: the benchmark has nothing else to do meanwhile), its
// output in files next to `scratchPrefix`. POSIX only.
MeasuredRun runMeasured(const QString& program, const QStringList& arguments,
                        const QProcessEnvironment& environment, const QString& scratchPrefix);

// CPU seconds (user + system) a running process has used so far, from /proc; -1 elsewhere.
double cpuSecondsOf(qint64 pid);

// The 1, 5 and 15 minute load averages ("2.61 1.89 2.66"), printed beside every figure.
QString loadAverage();
// A file only its owner can read (a benchmark's short-lived keys pass through one).
bool writePrivateFile(const QString& path, const QByteArray& content);

} // namespace bge::bench
