#include "startupreport.h"

#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace bge::ui {

using namespace Qt::StringLiterals;

StartupReport::StartupReport(QWidget* window, QElapsedTimer sinceMain, QObject* parent)
    : QObject(parent), m_window(window), m_sinceMain(sinceMain)
{
    window->installEventFilter(this);
}

bool StartupReport::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // Painted; once the events queued behind the paint are handled, the window is usable.
        QTimer::singleShot(0, this, &StartupReport::report);
    }
    return QObject::eventFilter(watched, event);
}

void StartupReport::report()
{
    if (m_window)
        m_window->removeEventFilter(this);
    QTextStream out(stdout);
    out << "startup_ms=" << QString::number(double(m_sinceMain.nsecsElapsed()) / 1e6, 'f', 1)
        << " since_exec_ms=" << QString::number(millisecondsSinceExec(), 'f', 0)
        << " webengine_loaded=" << (isWebEngineLoaded() ? "yes" : "no") << Qt::endl;
    Q_EMIT done();
}

bool StartupReport::isWebEngineLoaded()
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    // /proc files report no size: read line by line until the end.
    while (!maps.atEnd()) {
        if (maps.readLine().contains("libQt6WebEngineCore"))
            return true;
    }
    return false;
}

double StartupReport::millisecondsSinceExec()
{
#ifdef Q_OS_LINUX
    // Field 22 of /proc/self/stat: start time in clock ticks after boot (10 ms resolution).
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22 overall
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
#else
    return -1;
#endif
}

} // namespace bge::ui
