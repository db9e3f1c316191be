#include "progressprinter.h"

#include "output.h"
#include "tableprinter.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace bge::cli {

using namespace Qt::StringLiterals;

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

ProgressPrinter::ProgressPrinter(QString label, bool terminal) : m_label(std::move(label)), m_terminal(terminal)
{
    m_clock.start();
}

QString ProgressPrinter::size(qint64 bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0 ? u"%1 B"_s.arg(bytes) : u"%1 %2"_s.arg(value, 0, 'f', 1).arg(QLatin1StringView(units[unit]));
}

QString ProgressPrinter::duration(qint64 seconds)
{
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

void ProgressPrinter::update(qint64 done, qint64 total)
{
    m_done = done;
    m_total = total;
    const double fraction = total > 0 ? double(done) / double(total) : 0.0;
    const double seconds = std::max(0.001, double(m_clock.elapsed()) / 1000.0);
    const double rate = double(done) / seconds;
    if (m_terminal) {
        constexpr int kBar = 24;
        const int filled = int(fraction * kBar);
        const QString bar = QString(filled, u'#') + QString(kBar - filled, u'.');
        QString eta;
        if (rate > 0 && total > done)
            eta = QCoreApplication::translate("bge::cli", "%1 left").arg(duration(qint64((double(total - done)) / rate)));
        const QString line = u"\r%1 [%2] %3%  %4 / %5  %6/s  %7"_s.arg(TablePrinter::fitted(m_label, 30), bar)
                                 .arg(int(fraction * 100), 3)
                                 .arg(size(done), size(total), size(qint64(rate)), eta);
        printErr(line + u"\x1b[K"_s);
        m_drawn = true;
        return;
    }
    const int decile = int(fraction * 10);
    if (decile == m_lastDecile)
        return;
    m_lastDecile = decile;
    printErr(u"%1: %2% (%3 / %4)\n"_s.arg(m_label).arg(decile * 10).arg(size(done), size(total)));
}

void ProgressPrinter::finish(bool success)
{
    if (m_terminal && m_drawn)
        printErr(u"\n"_s);
    if (!success)
        return;
    const double seconds = std::max(0.001, double(m_clock.elapsed()) / 1000.0);
    printErr(QCoreApplication::translate("bge::cli", "%1: %2 in %3 s (%4/s)\n")
                 .arg(m_label, size(m_total))
                 .arg(seconds, 0, 'f', 1)
                 .arg(size(qint64(double(m_total) / seconds))));
}

} // namespace bge::cli
