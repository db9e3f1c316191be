#pragma once

#include <QStringList>

namespace bge::cli {

// The options every command accepts, before or after the subcommand's name.
struct GlobalOptions
{
    QString profile;
    QString endpoint;
    QString clientId;
    QString clientSecretFile;
    QString caBundle; // --ca-bundle: extra CAs, added to the system's
    bool json = false;
    bool verbose = false;
    int timeoutSeconds = 60;
    bool showVersion = false;
    bool showHelp = false;
};

struct CommandLine
{
    GlobalOptions global;
    QString command;      // empty when none was given
    QStringList arguments; // the command's own arguments, globals removed
    QString error;        // usage error, translated
};

// Takes global options out of the whole argument list (wherever they stand), finds the
// subcommand, and leaves its arguments. Refuses a client secret given as an argument: it
// would show in `ps` and in shell history.
CommandLine parseCommandLine(const QStringList& arguments);

QString globalOptionsHelp();

} // namespace bge::cli
