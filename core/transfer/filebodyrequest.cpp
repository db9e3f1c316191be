#include "filebodyrequest.h"

#include "connectionpool.h"
#include "filewindowdevice.h"
#include "net/proxyroute.h"
#include "net/tlsrefusal.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace bge {

namespace {

constexpr qint64 kBlock = FileWindowDevice::kReadAhead;
// Body bytes queued in the socket beyond what the kernel took: two blocks keep the kernel's
// buffer fed between two turns of the event loop without holding more of the file in memory.
constexpr qint64 kHighWater = 2 * kBlock;
constexpr int kDefaultStallMs = 60000;

bool isHttps(const QUrl& url)
{
    return url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0;
}

// Bytes written to the socket that have not reached the kernel yet. For TLS that is the
// plaintext not yet encrypted plus the ciphertext not yet sent: QSslSocket reports its plaintext
// written (bytesWritten) as soon as it is encrypted, so counting that alone would let the whole
// body be encrypted into memory.
qint64 backlog(const QTcpSocket* socket)
{
    if (auto* ssl = qobject_cast<const QSslSocket*>(socket))
        return ssl->bytesToWrite() + ssl->encryptedBytesToWrite();
    return socket->bytesToWrite();
}

} // namespace

FileBodyRequest::FileBodyRequest(ConnectionPool* pool, const QNetworkRequest& request, QByteArray method,
                                 FileWindowDevice* body, QObject* parent)
    : QObject(parent), m_pool(pool), m_request(request), m_method(std::move(method)), m_body(body)
{
    if (m_body) {
        m_body->setParent(this);
        m_bodySize = m_body->size();
    }
    m_response = freshParser();
    m_stall.setSingleShot(true);
    m_stall.setInterval(m_request.transferTimeout() > 0 ? m_request.transferTimeout() : kDefaultStallMs);
    connect(&m_stall, &QTimer::timeout, this, [this] {
        finish(ApiError::timeout(u"no progress for %1 s"_s.arg(m_stall.interval() / 1000)), false);
    });
}

FileBodyRequest::~FileBodyRequest()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool FileBodyRequest::canSendDirectly(const QUrl& url, const QNetworkAccessManager* network)
{
    return routeFor(url, network).has_value();
}

std::optional<QNetworkProxy> FileBodyRequest::routeFor(const QUrl& url, const QNetworkAccessManager* network)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return std::nullopt;
    if (isHttps(url) && !QSslSocket::supportsSsl())
        return std::nullopt;
    // Directly or through a proxy the socket can tunnel through (CONNECT), as the manager would go.
    return net::socketProxyFor(url, network);
}

void FileBodyRequest::setRoute(const std::optional<QNetworkProxy>& route)
{
    m_route = route;
    m_routeSet = true;
}

void FileBodyRequest::start()
{
    m_stall.start();
    m_socket = m_pool ? m_pool->take(m_request.url()) : nullptr;
    m_reused = m_socket != nullptr;
    if (!m_reused) {
        connectFresh();
        return;
    }
    attach();
    // From the event loop, as for a new connection: finished() never comes from inside start().
    QMetaObject::invokeMethod(this, &FileBodyRequest::sendHead, Qt::QueuedConnection);
}

void FileBodyRequest::abort()
{
    m_done = true;
    m_stall.stop();
    releaseSocket(false);
}

void FileBodyRequest::connectFresh()
{
    const QUrl url = m_request.url();
    // The route the caller decided with (its manager's proxy or factory), not a second opinion:
    // asking the application here could tunnel what the manager sends directly, or the reverse.
    const std::optional<QNetworkProxy> route = m_routeSet ? m_route : routeFor(url, nullptr);
    if (!route) {
        // From the event loop: finished() never comes from inside start().
        const ApiError error = ApiError::transport(u"no route a socket can follow to the server"_s);
        QMetaObject::invokeMethod(this, [this, error] { finish(error, false); }, Qt::QueuedConnection);
        return;
    }
    const quint16 port = quint16(url.port(isHttps(url) ? 443 : 80));
    if (isHttps(url)) {
        auto* ssl = new QSslSocket(this);
        m_socket = ssl;
        attach();
        connect(ssl, &QSslSocket::encrypted, this, &FileBodyRequest::sendHead);
        ssl->setProxy(*route);
        ssl->connectToHostEncrypted(url.host(), port); // verifies the peer against the system's CAs
    } else {
        m_socket = new QTcpSocket(this);
        attach();
        connect(m_socket, &QTcpSocket::connected, this, &FileBodyRequest::sendHead);
        m_socket->setProxy(*route);
        m_socket->connectToHost(url.host(), port);
    }
}

void FileBodyRequest::attach()
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &FileBodyRequest::onBytesWritten);
    connect(m_socket, &QTcpSocket::readyRead, this, &FileBodyRequest::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &FileBodyRequest::onClosed);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &FileBodyRequest::onSocketError);
    // Ciphertext reaching the kernel frees room too (see backlog()), on a kept connection as well.
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &FileBodyRequest::onBytesWritten);
}

QByteArray FileBodyRequest::head() const
{
    const QUrl url = m_request.url();
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty() || target[0] != '/')
        target.prepend('/');
    QByteArray host = QUrl::toAce(url.host());
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    const int defaultPort = isHttps(url) ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());

    QByteArray h = m_method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    bool haveLength = false;
    bool haveAgent = false;
    for (const QByteArray& name : m_request.rawHeaderList()) {
        if (name.compare("Host", Qt::CaseInsensitive) == 0 || name.compare("Connection", Qt::CaseInsensitive) == 0)
            continue;
        haveAgent = haveAgent || name.compare("User-Agent", Qt::CaseInsensitive) == 0;
        haveLength = haveLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
        h += name + ": " + m_request.rawHeader(name) + "\r\n";
    }
    if (!haveLength && m_body)
        h += "Content-Length: " + QByteArray::number(m_bodySize) + "\r\n";
    const QVariant agent = m_request.header(QNetworkRequest::UserAgentHeader);
    if (agent.isValid() && !haveAgent)
        h += "User-Agent: " + agent.toByteArray() + "\r\n";
    h += "\r\n";
    return h;
}

HttpResponseParser FileBodyRequest::freshParser() const
{
    HttpResponseParser parser;
    parser.setAnswersHead(m_method == "HEAD");
    return parser;
}

void FileBodyRequest::sendHead()
{
    // Once per connection, and only on one ready for it (a queued call may find the connection
    // it was meant for replaced by a fresh one still connecting).
    if (m_done || m_headSent || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket); ssl && !ssl->isEncrypted())
        return;
    m_headSent = true;
    m_stall.start();
    m_socket->write(head());
    pumpBody();
}

void FileBodyRequest::pumpBody()
{
    while (!m_done && m_headSent && !m_bodyQueued && backlog(m_socket) < kHighWater) {
        const qint64 want = qMin(kBlock, m_bodySize - m_queued);
        if (want <= 0) {
            m_bodyQueued = true;
            break;
        }
        if (m_buffer.size() < kBlock)
            m_buffer.resize(kBlock);
        const qint64 n = m_body->read(m_buffer.data(), want);
        if (n <= 0) {
            const QString why = m_body->errorString().isEmpty() ? u"the file ended early (it changed on disk)"_s
                                                                : m_body->errorString();
            finish(ApiError::usage(u"Cannot read the file being uploaded: %1"_s.arg(why)), false);
            return;
        }
        m_socket->write(m_buffer.constData(), n);
        m_queued += n;
    }
}

void FileBodyRequest::onBytesWritten()
{
    // A TLS handshake writes too (encryptedBytesWritten): the body only follows its head.
    if (m_done || !m_headSent)
        return;
    m_stall.start();
    const qint64 sent = qBound<qint64>(0, m_queued - backlog(m_socket), m_bodySize);
    Q_EMIT uploadProgress(sent, m_bodySize);
    pumpBody();
}

void FileBodyRequest::onReadyRead()
{
    if (m_done)
        return;
    m_stall.start();
    const QByteArray data = m_socket->readAll();
    const qsizetype used = m_response.feed(data.constData(), data.size());
    if (m_response.hasFailed()) {
        // A transport error, as Qt's HTTP stack reports protocol failures: retried like a cut
        // connection (a proxy or captive portal in the way may well answer properly next time).
        finish(ApiError::transport(u"object storage answered with an invalid HTTP response: %1"_s.arg(m_response.error())),
               false);
        return;
    }
    if (!m_response.isDone())
        return;
    // Reusable only if the exchange ended cleanly: the whole body went out and nothing follows
    // the answer. An answer before the end of the body (a refusal) leaves the connection
    // mid-request.
    const bool clean = used == data.size() && m_bodyQueued && backlog(m_socket) == 0;
    finish({}, clean && m_response.keepAlive());
}

bool FileBodyRequest::retryOnFreshConnection()
{
    // A kept connection the server closed while it sat idle: not this request's fault. Send it
    // again on a new connection, once, from the first byte of the body (which restarts its CRC).
    if (!m_reused || m_triedFresh || m_response.hasStarted() || (m_body && !m_body->seek(0)))
        return false;
    m_triedFresh = true;
    m_reused = false;
    m_stall.start();
    releaseSocket(false);
    m_queued = 0;
    m_bodyQueued = false;
    m_headSent = false;
    m_response = freshParser();
    connectFresh();
    return true;
}

void FileBodyRequest::onClosed()
{
    if (m_done)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return;
    m_response.closed();
    if (m_response.isDone()) {
        finish({}, false);
        return;
    }
    if (retryOnFreshConnection())
        return;
    finish(ApiError::transport(u"the object storage server closed the connection (%1)"_s.arg(m_response.error())),
           false);
}

void FileBodyRequest::onSocketError()
{
    if (m_done)
        return;
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError) {
        onClosed();
        return;
    }
    // A server that answered and then reset the connection (it refused the body): its answer,
    // if it is whole, is the outcome rather than the reset.
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return;
    if (std::optional<ApiError> tls = net::tlsRefusal(qobject_cast<QSslSocket*>(m_socket)))
        return finish(*tls, false);
    if (retryOnFreshConnection())
        return;
    finish(ApiError::transport(m_socket->errorString()), false);
}

void FileBodyRequest::releaseSocket(bool reusable)
{
    if (!m_socket)
        return;
    QTcpSocket* socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    if (reusable && m_pool) {
        m_pool->give(m_request.url(), socket);
        return;
    }
    socket->abort();
    socket->setParent(nullptr);
    socket->deleteLater(); // may be inside one of its own signals
}

void FileBodyRequest::finish(const ApiError& error, bool reusable)
{
    if (m_done)
        return;
    m_done = true;
    m_stall.stop();
    m_error = error;
    releaseSocket(reusable && !error);
    if (!error && m_bodyQueued)
        Q_EMIT uploadProgress(m_bodySize, m_bodySize);
    Q_EMIT finished();
}

} // namespace bge
