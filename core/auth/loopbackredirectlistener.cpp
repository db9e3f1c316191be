#include "loopbackredirectlistener.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

namespace bge {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxRequestBytes = 16 * 1024;
constexpr int kClientTimeoutMs = 15000;
} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject* parent) : QObject(parent)
{
    m_successText = QCoreApplication::translate("bge::LoopbackRedirectListener",
                                                "Signed in. You can close this window and return to BGE Desktop.");
    m_failureText = QCoreApplication::translate("bge::LoopbackRedirectListener",
                                                "Sign-in did not complete. Return to BGE Desktop for details.");
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onNewConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener()
{
    // Client sockets are children of m_server, so they die after m_buffers: their
    // disconnected() handler must not reach back into a half-destroyed listener (a browser
    // still holding a connection when the sign-in dialog closes).
    const QList<QTcpSocket*> sockets = m_server.findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets)
        socket->disconnect(this);
}

bool LoopbackRedirectListener::listen(const QString& path)
{
    m_path = path.startsWith(u'/') ? path : u'/' + path;
    m_delivered = false;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void LoopbackRedirectListener::close()
{
    m_server.close();
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server.serverPort());
    url.setPath(m_path);
    return url;
}

void LoopbackRedirectListener::setPageTexts(const QString& successText, const QString& failureText)
{
    m_successText = successText;
    m_failureText = failureText;
}

void LoopbackRedirectListener::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        // A browser that opens a connection and never sends (pre-connect) must not linger.
        QTimer::singleShot(kClientTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (buffer.size() > kMaxRequestBytes)
        return respond(socket, 431, "Request Header Fields Too Large", m_failureText);
    if (!buffer.contains("\r\n\r\n") && !buffer.contains("\n\n"))
        return; // wait for the end of the headers

    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf('\n')).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "GET")
        return respond(socket, 405, "Method Not Allowed", m_failureText);
    const QUrl target(u"http://127.0.0.1"_s + QString::fromLatin1(requestLine[1]), QUrl::StrictMode);
    if (!target.isValid() || target.path() != m_path || m_delivered)
        return respond(socket, 404, "Not Found", m_failureText);

    const AuthorizationResponse response = AuthorizationResponse::fromRedirect(target);
    // An answer with another state did not come from this sign-in (another program on this
    // computer, a stale browser tab): ignore it, so it can neither complete nor abort the
    // sign-in, and keep waiting for the real one.
    if (!m_expectedState.isNull() && response.state != m_expectedState)
        return respond(socket, 404, "Not Found", m_failureText);
    const bool success = response.error.isEmpty();
    m_delivered = true;
    respond(socket, 200, "OK", success ? m_successText : m_failureText);
    Q_EMIT responseReceived(response);
}

void LoopbackRedirectListener::respond(QTcpSocket* socket, int status, const QByteArray& reason, const QString& text)
{
    const QByteArray html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>BGE Desktop</title></head>"
                            "<body style=\"font-family:sans-serif;margin:3em\"><p>"
                            + text.toHtmlEscaped().toUtf8() + "</p></body></html>";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close"
                    "\r\nContent-Length: "
                  + QByteArray::number(html.size()) + "\r\n\r\n" + html);
    m_buffers.remove(socket);
    socket->disconnectFromHost();
}

} // namespace bge
