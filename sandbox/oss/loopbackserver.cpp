#include "loopbackserver.h"

#include <sys/socket.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

LoopbackServer::LoopbackServer(QString purpose, int threads) : m_purpose(std::move(purpose))
{
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second sandbox
    // silently share a port already in use.
    m_server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    m_server.new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    m_server.set_keep_alive_max_count(1000);
    m_server.set_read_timeout(300);
    m_server.set_write_timeout(300);
}

bool LoopbackServer::bind(int port, QString* error)
{
    m_port = port == 0 ? m_server.bind_to_any_port("127.0.0.1") : (m_server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (m_port <= 0) {
        *error = u"cannot listen on 127.0.0.1:%1 for %2: the port is in use or not available"_s.arg(port).arg(m_purpose);
        return false;
    }
    return true;
}

} // namespace bge::sandbox
