#include "apiserver.h"

#include "envelope.h"

#include <QDateTime>
#include <QTextStream>

#include <httplib.h>
#include <sys/socket.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

struct ApiServer::Private
{
    explicit Private(ApiContext c) : api(std::move(c)) {}
    ApiContext api;
    httplib::Server server;
    int port = 0;
};

ApiServer::ApiServer(ApiContext context) : d(std::make_unique<Private>(std::move(context)))
{
    httplib::Server& s = d->server;
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
    // sandbox silently share a port that is already in use.
    s.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    s.new_task_queue = [] { return new httplib::ThreadPool(16); };
    s.set_keep_alive_max_count(1000);
    s.set_payload_max_length(16 * 1024 * 1024); // API bodies are small forms
    // Logs name the path only: query strings carry tokens (introspect) and codes.
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        QTextStream(stderr) << "api: " << QString::fromStdString(req.method) << ' ' << QString::fromStdString(req.path)
                            << ' ' << res.status << Qt::endl;
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty())
            sendHttpError(res, res.status, res.status == 404 ? u"Not Found"_s : u"请求无法处理"_s);
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendHttpError(res, 500, u"Internal Server Error"_s);
    });

    registerOAuthRoutes(s, d->api);
    registerSampleRoutes(s, d->api);
    registerVariantRoutes(s, d->api);
    registerMicrobiomeRoutes(s, d->api);
    registerFileRoutes(s, d->api);
    registerModelRoutes(s, d->api);
}

ApiServer::~ApiServer() = default;

bool ApiServer::bind(int port, QString* error)
{
    d->port = port == 0 ? d->server.bind_to_any_port("127.0.0.1") : (d->server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (d->port <= 0) {
        *error = u"cannot listen on 127.0.0.1:%1 for the API: the port is in use or not available"_s.arg(port);
        return false;
    }
    return true;
}

int ApiServer::port() const
{
    return d->port;
}

void ApiServer::run()
{
    d->server.listen_after_bind();
}

void ApiServer::stop()
{
    d->server.stop();
}

} // namespace bge::sandbox
