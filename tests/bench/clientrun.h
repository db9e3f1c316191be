#pragma once

#include "measuredrun.h"

#include <QString>

namespace bge::bench {

// One client's transfer in a benchmark: the process as measured, and the figures around it.
struct ClientRun
{
    QString client;
    int files = 1;
    qint64 bytes = 0;
    MeasuredRun run;
    // The transfer's wall time: the whole process for bge and curl (start-up, sign-in and all);
    // for ali-oss what its script reports (node's start-up and module load are not its speed).
    double seconds = 0;
    double sandboxCpuSeconds = 0; // the sandbox's CPU time while the client ran
    QString loadBefore;

    double megabytesPerSecond() const { return seconds > 0 ? double(bytes) / 1e6 / seconds : 0; }
    double cpuSecondsPerGigabyte() const { return bytes > 0 ? run.cpuSeconds() / (double(bytes) / 1e9) : 0; }
    double filesPerSecond() const { return seconds > 0 ? files / seconds : 0; }
};

// Runs `program` (see runMeasured) with the sandbox's CPU time (`sandboxPid`) and the load
// average around it. `scratchPrefix`: where its output goes meanwhile.
ClientRun measureClient(const QString& client, int files, qint64 bytes, const QString& program,
                        const QStringList& arguments, const QProcessEnvironment& environment,
                        const QString& scratchPrefix, qint64 sandboxPid);

// When the process printed {"seconds": …} (the ali-oss scripts), that is the transfer's time.
void takeReportedSeconds(ClientRun& run);

// "bge      1024 MiB    3.10 s     346 MB/s  cpu 0.80 s (user 0.30, sys 0.50)  0.78 s/GB …".
QString formatRun(const ClientRun& r);

} // namespace bge::bench
