#include "secretprompt.h"

#include "output.h"

#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace bge::cli {

QString readSecretLine(const QString& prompt)
{
#ifdef Q_OS_UNIX
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        printErr(prompt);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        QTextStream in(stdin);
        const QString line = in.readLine();
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        printErr(QStringLiteral("\n"));
        return line.trimmed();
    }
#endif
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

} // namespace bge::cli
