#include "peakmemory.h"

#include <QByteArray>
#include <QFile>

namespace bge::test {

using namespace Qt::StringLiterals;

namespace {

// A "Vm…:   1234 kB" line of /proc/self/status, in KiB; -1 where there is none.
qint64 statusKiB(const QByteArray& field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

qint64 peakResidentKiB()
{
    return statusKiB("VmHWM:");
}

qint64 residentKiB()
{
    return statusKiB("VmRSS:");
}

bool resetPeakMemory()
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

} // namespace bge::test
