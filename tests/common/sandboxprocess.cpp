#include "sandboxprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace bge::test {

using namespace Qt::StringLiterals;

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::executable()
{
    return QStringLiteral(BGE_SANDBOX_PATH);
}

bool SandboxProcess::start(const QStringList& extraArguments)
{
    QStringList args{u"--port"_s, u"0"_s, u"--oss-port"_s, u"0"_s};
    args += extraArguments;
    m_process.setProgram(executable());
    m_process.setArguments(args);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(30000);
    QByteArray line;
    while (!line.contains('\n') && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 1000)));
        line += m_process.readAllStandardOutput();
    }
    m_stderr += m_process.readAllStandardError();
    const QJsonDocument doc = QJsonDocument::fromJson(line.left(line.indexOf('\n')));
    m_description = doc.object();
    return !m_description.isEmpty();
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QJsonObject SandboxProcess::user(int index) const
{
    return m_description.value(u"users").toArray().at(index).toObject();
}

QJsonObject SandboxProcess::client(const QString& grantType, int index) const
{
    int seen = 0;
    for (const QJsonValue& v : m_description.value(u"clients").toArray()) {
        if (v.toObject().value(u"grant_type").toString() == grantType && seen++ == index)
            return v.toObject();
    }
    return {};
}

QJsonObject SandboxProcess::clientById(const QString& clientId) const
{
    for (const QJsonValue& v : m_description.value(u"clients").toArray()) {
        if (v.toObject().value(u"client_id").toString() == clientId)
            return v.toObject();
    }
    return {};
}

QString SandboxProcess::errorOutput()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

} // namespace bge::test
