// `bge`: the BGE Open Platform from the command line, on the same core as the desktop app.
#include "cliarguments.h"
#include "clicontext.h"
#include "commandregistry.h"
#include "output.h"

#include "net/environmentproxyfactory.h"
#include "transfer/streamingallocator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace bge::cli;

namespace bge::cli {
namespace {

QString overview(const std::vector<std::unique_ptr<Command>>& commands)
{
    QString text = tr("Usage: bge [global options] COMMAND [arguments]\n\nCommands:\n");
    for (const auto& c : commands)
        text += u"  "_s + c->name().leftJustified(16) + c->summary() + u'\n';
    text += u"  "_s + u"help"_s.leftJustified(16) + tr("show help for a command") + u'\n';
    text += u'\n' + globalOptionsHelp();
    text += tr("\nExit codes: 0 success, 1 API error, 2 usage error, 3 transport or authentication failure.\n");
    return text;
}

Command* findCommand(const std::vector<std::unique_ptr<Command>>& commands, const QString& name)
{
    for (const auto& c : commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

} // namespace
} // namespace bge::cli

int main(int argc, char* argv[])
{
#ifdef Q_OS_UNIX
    // A file-size limit (ulimit -f) must end a download with its sentence and its partial file
    // kept for resume (write() failing with EFBIG), not kill the program with SIGXFSZ.
    ::signal(SIGXFSZ, SIG_IGN);
#endif
    bge::tuneAllocatorForStreaming(); // before anything allocates: see there why
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"BGE"_s);
    QCoreApplication::setOrganizationDomain(u"bge.genomics.cn"_s);
    QCoreApplication::setApplicationName(u"BGE Desktop"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BGE_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), u"bge"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);

    const CommandLine cl = parseCommandLine(QCoreApplication::arguments());
    const auto commands = allCommands();
    if (!cl.error.isEmpty()) {
        printErr(QCoreApplication::translate("bge::cli", "bge: %1").arg(cl.error) + u'\n');
        return ExitUsage;
    }
    if (cl.global.showVersion) {
        printOut(u"bge %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return ExitSuccess;
    }
    if (cl.command.isEmpty() || cl.command == u"help") {
        const QString topic = cl.command == u"help" ? cl.arguments.value(0) : QString();
        if (topic.isEmpty()) {
            (cl.command.isEmpty() && !cl.global.showHelp ? printErr : printOut)(overview(commands));
            return cl.command.isEmpty() && !cl.global.showHelp ? ExitUsage : ExitSuccess;
        }
        Command* c = findCommand(commands, topic);
        if (!c) {
            printErr(QCoreApplication::translate("bge::cli", "bge: unknown command \"%1\"").arg(topic) + u'\n');
            return ExitUsage;
        }
        // "bge help omics" shows the group, "bge help omics upload" its command.
        QStringList rest = cl.arguments.mid(1);
        Command* group = nullptr;
        QString problem;
        Command* shown = rest.isEmpty() ? c : descend(c, &rest, &group, &problem);
        if (!shown) {
            printErr(QCoreApplication::translate("bge::cli", "bge: %1").arg(problem) + u'\n');
            return ExitUsage;
        }
        printOut((shown->subcommands() ? groupUsage(*shown) : shown->usage()) + u'\n' + globalOptionsHelp());
        return ExitSuccess;
    }
    Command* command = findCommand(commands, cl.command);
    if (!command) {
        printErr(QCoreApplication::translate("bge::cli", "bge: unknown command \"%1\" (see `bge help`)").arg(cl.command) + u'\n');
        return ExitUsage;
    }
    QStringList arguments = cl.arguments;
    if (command->subcommands()) {
        Command* group = nullptr;
        QString problem;
        Command* sub = descend(command, &arguments, &group, &problem);
        if (!sub) {
            // "bge omics --help" asks for the group's help; "bge omics" alone is a usage error.
            if (cl.global.showHelp && arguments.isEmpty()) {
                printOut(groupUsage(*group) + u'\n' + globalOptionsHelp());
                return ExitSuccess;
            }
            printErr(QCoreApplication::translate("bge::cli", "bge: %1").arg(problem) + u'\n' + groupUsage(*group));
            return ExitUsage;
        }
        command = sub;
    }
    if (cl.global.showHelp) {
        printOut(command->usage() + u'\n' + globalOptionsHelp());
        return ExitSuccess;
    }

    // Progress notes of the core go to stderr only with --verbose; never tokens or secrets.
    // Without it, the warnings of the session and the keychain stay quiet too: whatever they
    // report reaches the user once, as the command's own error or warning line.
    QLoggingCategory::setFilterRules(
        cl.global.verbose ? u"bge.*.debug=true"_s
                          : u"bge.*.debug=false\nbge.*.info=false\nbge.credentials.warning=false\nbge.session.warning=false"_s);

    // https_proxy, no_proxy and the like, for the API, object storage and HealthOmics alike.
    if (const QString problem = bge::net::useEnvironmentProxies(); !problem.isEmpty()) {
        printErr(QCoreApplication::translate("bge::cli", "bge: %1").arg(problem) + u'\n');
        return ExitUsage;
    }
    CliContext ctx(cl.global);
    OptionReader options(command->options());
    if (!options.parse(arguments)) {
        printErr(QCoreApplication::translate("bge::cli", "bge: %1").arg(options.error()) + u'\n' + command->usage());
        return ExitUsage;
    }
    if (!ctx.prepare())
        return ExitUsage;
    QMetaObject::invokeMethod(&ctx, [&ctx, command, &options] { command->run(ctx, options); }, Qt::QueuedConnection);
    return QCoreApplication::exec();
}
