#include "clientrun.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bge::bench {

using namespace Qt::StringLiterals;

ClientRun measureClient(const QString& client, int files, qint64 bytes, const QString& program,
                        const QStringList& arguments, const QProcessEnvironment& environment,
                        const QString& scratchPrefix, qint64 sandboxPid)
{
    ClientRun r;
    r.client = client;
    r.files = files;
    r.bytes = bytes;
    r.loadBefore = loadAverage();
    const double sandboxBefore = cpuSecondsOf(sandboxPid);
    r.run = runMeasured(program, arguments, environment, scratchPrefix);
    r.sandboxCpuSeconds = cpuSecondsOf(sandboxPid) - sandboxBefore;
    r.seconds = r.run.wallSeconds;
    return r;
}

void takeReportedSeconds(ClientRun& run)
{
    const double reported = QJsonDocument::fromJson(run.run.out).object().value(u"seconds").toDouble();
    if (reported > 0)
        run.seconds = reported;
}

QString formatRun(const ClientRun& r)
{
    constexpr double kMiB = 1024.0 * 1024.0;
    const QString amount = r.files > 1
                               ? u"%1 files, %2 MiB"_s.arg(r.files).arg(double(r.bytes) / kMiB, 0, 'f', 0)
                               : u"%1 MiB"_s.arg(double(r.bytes) / kMiB, 0, 'f', 0);
    return u"%1 %2  %3 s  %4 MB/s  %5 files/s  cpu %6 s (user %7, sys %8)  %9 s/GB  peak RSS %10 MiB  "
           u"sandbox cpu %11 s  load %12"_s.arg(r.client, -16)
               .arg(amount, 20)
               .arg(r.seconds, 7, 'f', 2)
               .arg(r.megabytesPerSecond(), 5, 'f', 0)
               .arg(r.filesPerSecond(), 6, 'f', 0)
               .arg(r.run.cpuSeconds(), 5, 'f', 2)
               .arg(r.run.userSeconds, 0, 'f', 2)
               .arg(r.run.systemSeconds, 0, 'f', 2)
               .arg(r.cpuSecondsPerGigabyte(), 0, 'f', 2)
               .arg(double(r.run.peakRssKiB) / 1024, 0, 'f', 1)
               .arg(r.sandboxCpuSeconds, 0, 'f', 2)
               .arg(r.loadBefore);
}

} // namespace bge::bench
