#include "loopbackserver.h"

#include <sys/socket.h>

#include <QFile>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

struct TlsFiles
{
    QByteArray certFile;
    QByteArray keyFile;
};

TlsFiles& tlsFiles()
{
    static TlsFiles files;
    return files;
}

std::unique_ptr<httplib::Server> makeServer()
{
    const TlsFiles& tls = tlsFiles();
    if (tls.certFile.isEmpty())
        return std::make_unique<httplib::Server>();
    return std::make_unique<httplib::SSLServer>(tls.certFile.constData(), tls.keyFile.constData());
}

} // namespace

void LoopbackServer::useTls(const QString& certFile, const QString& keyFile)
{
    tlsFiles() = {QFile::encodeName(certFile), QFile::encodeName(keyFile)};
}

bool LoopbackServer::tlsEnabled()
{
    return !tlsFiles().certFile.isEmpty();
}

LoopbackServer::LoopbackServer(QString purpose, int threads) : m_server(makeServer()), m_purpose(std::move(purpose))
{
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second sandbox
    // silently share a port already in use.
    m_server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    m_server->set_keep_alive_max_count(1000);
    // httplib writes an answer's headers and its body separately; with Nagle's algorithm on,
    // the body waited for the client's delayed ACK of the headers: 40 ms per call on a kept
    // connection (POST /oss/sign_url took 44 ms instead of 1). Servers in front of the real
    // platform (nginx: tcp_nodelay on) send at once.
    m_server->set_tcp_nodelay(true);
    m_server->set_read_timeout(300);
    m_server->set_write_timeout(300);
}

bool LoopbackServer::bind(int port, QString* error)
{
    if (!m_server->is_valid()) {
        *error = u"cannot serve %1 over TLS: the certificate or its key could not be loaded"_s.arg(m_purpose);
        return false;
    }
    m_port = port == 0 ? m_server->bind_to_any_port("127.0.0.1") : (m_server->bind_to_port("127.0.0.1", port) ? port : -1);
    if (m_port <= 0) {
        *error = u"cannot listen on 127.0.0.1:%1 for %2: the port is in use or not available"_s.arg(port).arg(m_purpose);
        return false;
    }
    return true;
}

} // namespace bge::sandbox
