#include "desktopcommandline.h"

#include "profiles/profilestore.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdlib>

namespace bge::ui {

using namespace Qt::StringLiterals;

DesktopCommandLine::DesktopCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("BGE Desktop: samples, variants, abundance and models of the BGE Open Platform."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(u"profile"_s, tr("Open with the stored profile <name>."), tr("name"));
    const QCommandLineOption sandbox(
        u"sandbox"_s,
        tr("Open with the offline sandbox: the app starts it with demo data and stops it on exit."));
    const QCommandLineOption language(
        u"language"_s,
        tr("Interface language, e.g. en or zh_CN (default: the preferences, else the system's)."),
        tr("code"));
    const QCommandLineOption reportStartup(
        u"report-startup"_s,
        tr("Print how long the start took once the window is shown, then quit (benchmark)."));
    parser.addOptions({profile, sandbox, language, reportStartup});
    parser.process(arguments);

    m_startup.profile = parser.value(profile);
    m_startup.sandbox = parser.isSet(sandbox);
    m_reportStartup = parser.isSet(reportStartup);
    if (!m_startup.profile.isEmpty() && !ProfileStore::isValidName(m_startup.profile))
        usageError(
            tr("Invalid profile name “%1” (letters, digits, '.', '_' and '-').").arg(m_startup.profile));
    if (m_startup.sandbox && !m_startup.profile.isEmpty())
        usageError(tr("Use either --sandbox or --profile, not both."));
}

void DesktopCommandLine::usageError(const QString& message)
{
    // As QCommandLineParser::process() does for its own errors.
    QTextStream(stderr) << QCoreApplication::applicationName() << ": " << message << Qt::endl;
    std::exit(2);
}

QString DesktopCommandLine::languageArgument(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"--")
            break;
        if (argument == u"--language" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(u"--language="))
            return argument.mid(11);
    }
    return {};
}

} // namespace bge::ui
