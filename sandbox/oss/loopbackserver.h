#pragma once

#include <QString>

#include <httplib.h>

namespace bge::sandbox {

// An httplib server on 127.0.0.1 with what both sandbox endpoints (the API and object
// storage) need: a worker pool, long keep-alive, generous timeouts for big bodies, and a
// bind that refuses a port already in use with a message naming it.
class LoopbackServer final
{
public:
    LoopbackServer(QString purpose, int threads);

    httplib::Server& http() { return m_server; }
    bool bind(int port, QString* error); // 0 = any free port
    int port() const { return m_port; }
    void run() { m_server.listen_after_bind(); } // serves until stop(); call from a thread of its own
    void stop() { m_server.stop(); }

private:
    httplib::Server m_server;
    QString m_purpose;
    int m_port = 0;
};

} // namespace bge::sandbox
