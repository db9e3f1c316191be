#include "benchreport.h"

#include "measuredrun.h"

#include <QDateTime>
#include <QFile>
#include <QSysInfo>

#include <cstdio>

#include <unistd.h>

namespace bge::bench {

using namespace Qt::StringLiterals;

namespace {

QString cpuModel()
{
    QFile f(u"/proc/cpuinfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return u"?"_s;
}

} // namespace

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

QString machineSummary()
{
    return u"%1, %2 CPUs (%3), %4, load %5, %6"_s.arg(QSysInfo::prettyProductName())
        .arg(sysconf(_SC_NPROCESSORS_ONLN))
        .arg(cpuModel(), QSysInfo::kernelVersion(), loadAverage(),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

} // namespace bge::bench
