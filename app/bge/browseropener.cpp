#include "browseropener.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace bge::cli {

using namespace Qt::StringLiterals;

bool openInBrowser(const QUrl& url)
{
    const QString encoded = url.toString(QUrl::FullyEncoded);
    const QString fromEnvironment = QProcessEnvironment::systemEnvironment().value(u"BROWSER"_s);
    if (!fromEnvironment.isEmpty()) {
        // $BROWSER may be a colon-separated list of commands; the first that starts wins.
        for (const QString& command : fromEnvironment.split(u':', Qt::SkipEmptyParts)) {
            QStringList parts = QProcess::splitCommand(command);
            if (parts.isEmpty())
                continue;
            const QString program = parts.takeFirst();
            if (QProcess::startDetached(program, parts << encoded))
                return true;
        }
    }
#if defined(Q_OS_WIN)
    return QProcess::startDetached(u"rundll32"_s, {u"url.dll,FileProtocolHandler"_s, encoded});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(u"open"_s, {encoded});
#else
    if (QStandardPaths::findExecutable(u"xdg-open"_s).isEmpty())
        return false;
    return QProcess::startDetached(u"xdg-open"_s, {encoded});
#endif
}

} // namespace bge::cli
