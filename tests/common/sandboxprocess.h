#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace bge::test {

// A real bge-sandbox child process on free loopback ports, for tests. start() waits for the
// one JSON line the sandbox prints, then exposes it.
class SandboxProcess final
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    static QString executable();

    bool start(const QStringList& extraArguments = {});
    void stop();

    const QJsonObject& description() const { return m_description; }
    QString apiEndpoint() const { return m_description.value(u"api_endpoint").toString(); }
    QString ossEndpoint() const { return m_description.value(u"oss_endpoint").toString(); }
    QJsonObject user(int index) const;
    QJsonObject client(const QString& grantType, int index = 0) const; // by grant type
    QJsonObject clientById(const QString& clientId) const;
    QString errorOutput();

private:
    QProcess m_process;
    QJsonObject m_description;
    QByteArray m_stderr;
};

} // namespace bge::test
