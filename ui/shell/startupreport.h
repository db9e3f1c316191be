#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWidget>

namespace bge::ui {

// For the start-up benchmark (`bge-desktop --report-startup`): once the window has painted for
// the first time and the event loop is idle again (the window answers input), prints one line
// to stdout, then emits done():
//   startup_ms=<since main()> since_exec_ms=<since the process started, Linux> webengine_loaded=<yes|no>
// QtWebEngine should not be loaded at that point: it is only needed for the sign-in page.
class StartupReport final : public QObject
{
    Q_OBJECT
public:
    StartupReport(QWidget* window, QElapsedTimer sinceMain, QObject* parent = nullptr);

    // Whether libQt6WebEngineCore is mapped into this process (Linux: /proc/self/maps).
    static bool isWebEngineLoaded();
    // Milliseconds since this process was started, or -1 where that is not known.
    static double millisecondsSinceExec();

Q_SIGNALS:
    void done();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void report();

    QPointer<QWidget> m_window;
    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace bge::ui
