#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>

namespace bge::test {

// A private tinyproxy for one suite: its own configuration and log in a temporary folder, on a
// free loopback port, in the foreground (-d), never the system's service. Every CONNECT it is
// asked for is allowed (no ConnectPort lines), so the sandbox's ports need no configuration.
class TinyproxyProcess final
{
public:
    TinyproxyProcess() = default;
    ~TinyproxyProcess();
    TinyproxyProcess(const TinyproxyProcess&) = delete;
    TinyproxyProcess& operator=(const TinyproxyProcess&) = delete;

    // The tinyproxy on PATH (or in /usr/sbin, /usr/bin); empty when it is not installed.
    static QString executable();

    // Starts it (with BasicAuth `user` `password` when given) on `port` (0: a free one) and
    // waits until it accepts connections.
    bool start(const QString& user = {}, const QString& password = {}, quint16 port = 0);
    // This machine's host name when it resolves to loopback only (/etc/hosts), else empty: the
    // name a client must use to reach a loopback sandbox through the proxy (Qt and Chromium go
    // straight to 127.0.0.1 and localhost whatever the proxy settings).
    static QString loopbackHostName();
    // Why the proxy suites cannot run here (tinyproxy missing, no such host name), for QSKIP,
    // or empty with *host set to loopbackHostName().
    static QByteArray unavailable(QString* host);
    // A loopback port free now, without Qt's event machinery (usable before the application
    // object exists, to name the proxy in the environment QtWebEngine reads at start).
    static quint16 freePort();
    void stop();

    quint16 port() const { return m_port; }
    // http://127.0.0.1:PORT, or with the credentials given (percent-encoded), for https_proxy.
    QString url(const QString& user = {}, const QString& password = {}) const;
    QString errorOutput() const { return m_error; }

    // The log so far, and the "host:port" of every CONNECT request it logged (from the start or
    // since the last clearLog()).
    QString log() const;
    QStringList connectTargets() const;
    int requestCount() const;
    void clearLog();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    qint64 m_logOffset = 0;
};

} // namespace bge::test
