#include "clitestsupport.h"

#include <QProcess>

namespace bge::test {

Run runProgram(const QString& program, const QStringList& arguments, const QProcessEnvironment& env,
               const QByteArray& input, std::function<void()> childModifier)
{
    Run run;
    run.arguments = arguments;
    QProcess p;
    p.setProcessEnvironment(env);
    if (childModifier)
        p.setChildProcessModifier(childModifier);
    p.start(program, arguments);
    if (p.waitForStarted(60000)) {
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        run.finished = p.waitForFinished(kRunTimeoutMs) && p.exitStatus() == QProcess::NormalExit;
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(10000);
        }
        run.exitCode = p.exitCode();
    }
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}


QByteArray secretTool(const QStringList& arguments, int* exitCode)
{
    QProcess p;
    p.start(u"secret-tool"_s, arguments);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput();
}

std::optional<QString> keychainSecret(const QString& key)
{
    int exitCode = -1;
    QByteArray out = secretTool({u"lookup"_s, u"server"_s, kService, u"user"_s, key}, &exitCode);
    if (exitCode != 0)
        return std::nullopt;
    if (out.endsWith('\n'))
        out.chop(1);
    return QString::fromUtf8(out);
}

int keychainItemCount()
{
    const QByteArray out = secretTool({u"search"_s, u"--all"_s, u"server"_s, kService});
    int items = 0;
    for (const QByteArray& line : out.split('\n'))
        items += line.startsWith("[/") ? 1 : 0;
    return items;
}

void clearKeychain()
{
    secretTool({u"clear"_s, u"server"_s, kService});
}


} // namespace bge::test
