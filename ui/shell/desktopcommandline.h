#pragma once

#include "startupcontroller.h"

#include <QCoreApplication>
#include <QStringList>

namespace bge::ui {

// bge-desktop's options: --profile NAME, --sandbox, --language CODE, --report-startup, plus
// --help and --version.
class DesktopCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::DesktopCommandLine)

public:
    // Parses `arguments`. --help, --version and usage errors print and end the process, as
    // QCommandLineParser::process() does; construct it after the translations are installed
    // so the help is in the user's language.
    explicit DesktopCommandLine(const QStringList& arguments);

    // The --language value without parsing anything else, to pick the translations first.
    static QString languageArgument(const QStringList& arguments);

    const StartupController::Options& startupOptions() const { return m_startup; }
    bool reportStartup() const { return m_reportStartup; }

private:
    [[noreturn]] static void usageError(const QString& message);

    StartupController::Options m_startup;
    bool m_reportStartup = false;
};

} // namespace bge::ui
