#pragma once

// What the omics view suites share: a sandbox with zhanglei3 signed in through the desktop
// client, their samples, a way to make the network fail and recover (a proxy that refuses
// connections, then none), and the sandbox's request log.
#include "common/sandboxprocess.h"
#include "coretestsupport.h"

#include <QNetworkProxy>
#include <QStandardPaths>
#include <QTcpServer>

namespace bge::test {

class SignedInSandbox final
{
public:
    bool start(const QString& username = QStringLiteral("zhanglei3"))
    {
        if (!sandbox.start())
            return false;
        stack = makeStack(sandbox, QStringLiteral("bge-desktop-demo"));
        const Result<TokenGrant> grant = signIn(*stack, sandbox, username);
        if (!grant)
            return false;
        stack->session.setGrant(grant.value());
        // A failure should reach the view at once, not after the connection's back-off.
        stack->connection.setRetryPolicy(RetryPolicy::none());
        for (int i = 0; i < 3; ++i) {
            if (sandbox.user(i).value(u"username").toString() == username)
                m_samples = sandbox.user(i).value(u"samples").toObject();
        }
        return true;
    }

    PlatformApi* api() { return &stack->api; }
    QString sampleId(const QString& omics) const { return m_samples.value(omics).toString(); }
    // The sample record as the samples panel would hand it over.
    Sample sample(const QString& omics)
    {
        const Result<Sample> s = await(stack->api.sample(sampleId(omics)));
        return s ? s.value() : Sample{};
    }

    // Every call now fails with a transport error (the proxy refuses), until restoreNetwork().
    void breakNetwork()
    {
        // A port that was free a moment ago and has nobody listening on it.
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        stack->network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), port));
    }
    void restoreNetwork() { stack->network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy)); }

    // How many times the sandbox logged "api: <method> <path>".
    int requestCount(const QString& methodAndPath)
    {
        return int(sandbox.errorOutput().count(QStringLiteral("api: ") + methodAndPath + u' '));
    }

    SandboxProcess sandbox;
    std::unique_ptr<ClientStack> stack;

private:
    QJsonObject m_samples;
};

} // namespace bge::test
