#pragma once

#include <QString>

#include <httplib.h>

#include <memory>

namespace bge::sandbox {

// An httplib server on 127.0.0.1 with what every sandbox endpoint (the API, object storage,
// HealthOmics) needs: a worker pool, long keep-alive, generous timeouts for big bodies, and a
// bind that refuses a port already in use with a message naming it. After useTls() (bge-sandbox
// --tls) every server constructed speaks HTTPS with that certificate.
class LoopbackServer final
{
public:
    LoopbackServer(QString purpose, int threads);

    // Process-wide and before any server is constructed: the sandbox's endpoints are served all
    // over TLS or all in clear, never mixed.
    static void useTls(const QString& certFile, const QString& keyFile);
    static bool tlsEnabled();

    httplib::Server& http() { return *m_server; }
    bool bind(int port, QString* error); // 0 = any free port
    int port() const { return m_port; }
    void run() { m_server->listen_after_bind(); } // serves until stop(); call from a thread of its own
    void stop() { m_server->stop(); }

private:
    std::unique_ptr<httplib::Server> m_server;
    QString m_purpose;
    int m_port = 0;
};

} // namespace bge::sandbox
