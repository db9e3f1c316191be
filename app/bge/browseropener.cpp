#include "browseropener.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

// What `bge` reads a secret from, and the keys AWS tools take from the environment: a browser
// and all it starts (helpers, extensions, crash reporters) have no business with them.
bool carriesSecret(const QString& name)
{
    static const QStringList kAws{u"AWS_SECRET_ACCESS_KEY"_s, u"AWS_SESSION_TOKEN"_s, u"AWS_SECURITY_TOKEN"_s};
    if (kAws.contains(name))
        return true;
    if (!name.startsWith(u"BGE_"_s))
        return false;
    for (const QString& word : {u"SECRET"_s, u"TOKEN"_s, u"PASSWORD"_s, u"CREDENTIAL"_s, u"_KEY"_s}) {
        if (name.contains(word))
            return true;
    }
    return false;
}

bool startDetached(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(browserEnvironment(QProcessEnvironment::systemEnvironment()));
    return process.startDetached();
}

} // namespace

QProcessEnvironment browserEnvironment(const QProcessEnvironment& environment)
{
    QProcessEnvironment cleaned = environment;
    for (const QString& name : environment.keys()) {
        if (carriesSecret(name))
            cleaned.remove(name);
    }
    return cleaned;
}

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
            if (startDetached(program, parts << encoded))
                return true;
        }
    }
#if defined(Q_OS_WIN)
    return startDetached(u"rundll32"_s, {u"url.dll,FileProtocolHandler"_s, encoded});
#elif defined(Q_OS_MACOS)
    return startDetached(u"open"_s, {encoded});
#else
    if (QStandardPaths::findExecutable(u"xdg-open"_s).isEmpty())
        return false;
    return startDetached(u"xdg-open"_s, {encoded});
#endif
}

} // namespace bge::cli
