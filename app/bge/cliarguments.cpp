#include "cliarguments.h"

#include "optionreader.h"

#include <QCoreApplication>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bge::cli", text);
}

} // namespace

CommandLine parseCommandLine(const QStringList& arguments)
{
    CommandLine cl;
    GlobalOptions& g = cl.global;
    const QStringList valued{u"profile"_s, u"endpoint"_s, u"client-id"_s, u"client-secret-file"_s, u"timeout"_s,
                             u"ca-bundle"_s};
    bool optionsEnded = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (optionsEnded) {
            cl.arguments.append(arg);
            continue;
        }
        if (arg == u"--") {
            optionsEnded = true;
            cl.arguments.append(arg);
            continue;
        }
        const LongOption option = splitLongOption(arg);
        const QString& name = option.name;
        QString value = option.value;
        const bool inlineValue = option.hasInlineValue;
        if (name == u"client-secret") {
            cl.error = tr("the client secret is never taken as an argument (it would show in the process list "
                          "and in shell history): use the BGE_CLIENT_SECRET environment variable, "
                          "--client-secret-file FILE, or the keychain (stored by `bge login`)");
            return cl;
        }
        if (valued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size()) {
                    cl.error = tr("option --%1 needs a value").arg(name);
                    return cl;
                }
                value = arguments[++i];
            }
            if (name == u"profile")
                g.profile = value;
            else if (name == u"endpoint")
                g.endpoint = value;
            else if (name == u"client-id")
                g.clientId = value;
            else if (name == u"client-secret-file")
                g.clientSecretFile = value;
            else if (name == u"ca-bundle")
                g.caBundle = value;
            else if (name == u"timeout") {
                bool ok = false;
                g.timeoutSeconds = value.toInt(&ok);
                if (!ok || g.timeoutSeconds < 1 || g.timeoutSeconds > 3600) {
                    cl.error = tr("--timeout takes a number of seconds between 1 and 3600");
                    return cl;
                }
            }
            continue;
        }
        if (arg == u"--json" || arg == u"--verbose" || arg == u"--version" || arg == u"--help" || arg == u"-h"
            || arg == u"-v" || arg == u"-V") {
            if (arg == u"--json")
                g.json = true;
            else if (arg == u"--verbose" || arg == u"-v")
                g.verbose = true;
            else if (arg == u"--version" || arg == u"-V")
                g.showVersion = true;
            else
                g.showHelp = true;
            continue;
        }
        if (cl.command.isEmpty() && !arg.startsWith(u'-')) {
            cl.command = arg;
            continue;
        }
        cl.arguments.append(arg);
    }
    return cl;
}

QString globalOptionsHelp()
{
    return tr("Global options (before or after the command):\n"
              "  --profile NAME             use the named profile (default: BGE_PROFILE or \"default\")\n"
              "  --endpoint URL             platform address: main, backup, or a URL (https://; http:// only\n"
              "                             on this computer, e.g. the bge-sandbox)\n"
              "  --client-id ID             client application id\n"
              "  --client-secret-file FILE  read the client secret from FILE (or set BGE_CLIENT_SECRET)\n"
              "  --ca-bundle FILE           also trust the certificate authorities in this PEM file (else\n"
              "                             BGE_CA_BUNDLE, else the profile's); the system's stay trusted\n"
              "  --json                     print the platform's data as JSON on stdout\n"
              "  --timeout SECONDS          give up on a silent server after this long (default 60)\n"
              "  --verbose                  log requests (never tokens or secrets) to stderr\n"
              "  --version, --help\n");
}

} // namespace bge::cli
