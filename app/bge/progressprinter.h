#pragma once

#include <QElapsedTimer>
#include <QString>

namespace bge::cli {

// Transfer progress on stderr: one line redrawn in place on a terminal (bar, percentage,
// speed, time left), or a plain line every 10 % when stderr is a file or a pipe.
class ProgressPrinter final
{
public:
    ProgressPrinter(QString label, bool terminal);

    void update(qint64 done, qint64 total);
    void finish(bool success);

    static QString size(qint64 bytes);
    static QString duration(qint64 seconds);

private:
    QString m_label;
    bool m_terminal;
    QElapsedTimer m_clock;
    int m_lastDecile = -1;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_drawn = false;
};

bool stderrIsTerminal();

} // namespace bge::cli
