#include "misbehavingserver.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace bge::test {

using namespace Qt::StringLiterals;

namespace {

// Keeps this much queued in a streaming socket: enough to saturate loopback, little enough
// that the server stops soon after the client does.
constexpr qint64 kStreamQueue = 1024 * 1024;
constexpr qint64 kStreamChunk = 256 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

MisbehavingServer::Reply MisbehavingServer::Reply::http(int status, const QByteArray& contentType,
                                                        const QByteArray& body,
                                                        const QList<QByteArray>& extraHeaders)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray& header : extraHeaders)
        out += header + "\r\n";
    out += "Connection: close\r\n\r\n" + body;
    return {out, Then::Close, 0};
}

MisbehavingServer::MisbehavingServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MisbehavingServer::onNewConnection);
}

MisbehavingServer::~MisbehavingServer()
{
    for (auto it = m_open.begin(); it != m_open.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        delete it.key();
    }
}

bool MisbehavingServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl MisbehavingServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void MisbehavingServer::script(const QByteArray& path, const QList<Reply>& replies)
{
    m_scripts.insert(path, replies);
}

int MisbehavingServer::requestCount(const QByteArray& path) const
{
    int n = 0;
    for (const Request& r : m_requests)
        n += r.path == path ? 1 : 0;
    return n;
}

void MisbehavingServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(nullptr); // owned by m_open until the client goes away
        m_open.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { feedStream(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_open.remove(socket);
            socket->deleteLater();
        });
    }
}

void MisbehavingServer::onReadyRead(QTcpSocket* socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end())
        return;
    it->buffer += socket->readAll();
    if (it->answered)
        return; // one request per connection: every answer ends it
    Request request;
    if (!parseRequest(it->buffer, request))
        return;
    it->answered = true;
    m_requests.append(request);
    answer(socket, request);
}

bool MisbehavingServer::parseRequest(QByteArray& buffer, Request& request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qint64 length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    return true;
}

void MisbehavingServer::answer(QTcpSocket* socket, const Request& request)
{
    QList<Reply>& replies = m_scripts[request.path];
    Reply reply = replies.isEmpty() ? Reply::http(404, "text/plain", "no script for " + request.path)
                                    : (replies.size() > 1 ? replies.takeFirst() : replies.first());
    socket->write(reply.bytes);
    switch (reply.then) {
    case Reply::Then::Close:
        socket->disconnectFromHost(); // after the queued bytes are written
        break;
    case Reply::Then::Reset:
        resetConnection(socket);
        break;
    case Reply::Then::Hold:
        socket->flush();
        break;
    case Reply::Then::Stream:
    case Reply::Then::StreamThenHold:
        m_open[socket].streamLeft = reply.streamBytes;
        m_open[socket].holdAfterStream = reply.then == Reply::Then::StreamThenHold;
        feedStream(socket);
        break;
    }
}

void MisbehavingServer::feedStream(QTcpSocket* socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end() || it->streamLeft <= 0)
        return;
    static const QByteArray filler(kStreamChunk, 'x');
    while (it->streamLeft > 0 && socket->bytesToWrite() < kStreamQueue) {
        const qint64 n = std::min(it->streamLeft, kStreamChunk);
        socket->write(filler.constData(), n);
        it->streamLeft -= n;
        m_streamed += n;
    }
    if (it->streamLeft <= 0 && !it->holdAfterStream)
        socket->disconnectFromHost();
}

void MisbehavingServer::resetConnection(QTcpSocket* socket)
{
    socket->flush();
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const struct linger noLinger
    {
        1, 0
    };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger, sizeof noLinger);
#endif
    m_open.remove(socket);
    socket->abort();
    socket->deleteLater();
}

} // namespace bge::test
