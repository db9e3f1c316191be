#pragma once

#include "api/apierror.h"
#include "httpresponseparser.h"

#include <QByteArray>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QTcpSocket;

namespace bge {

class ConnectionPool;
class FileWindowDevice;

// One HTTP/1.1 request whose body is a window of a file (an UploadPart or a PutObject), written
// to a socket of its own instead of going through QNetworkAccessManager. Qt 6's HTTP layer
// hands a request body to the socket 16 KiB at a time, each piece a round trip between the
// caller's thread and its HTTP thread: for a multi-GB upload that costs more CPU than the
// transfer itself (docs/performance.md). Here the body goes out in blocks of
// FileWindowDevice::kReadAhead straight from the file.
//
// TLS for https with the system's CAs and no exceptions; connections kept alive through a
// ConnectionPool (a kept connection the server has meanwhile closed is replaced once, before
// any answer byte, by a fresh one); an inactivity time-out; and the answer read while the body
// is still going out, so that an early refusal (expired credentials) ends the request at once.
class FileBodyRequest final : public QObject
{
    Q_OBJECT
public:
    // `request` gives the URL, the (signed) headers and the inactivity time-out
    // (transferTimeout(), 60 s if none); `body` is open and becomes this object's child, or
    // null for a request without a body (a HEAD: the kept connections and the parsing of an
    // upload are as cheap for its name check as for its bytes).
    FileBodyRequest(ConnectionPool* pool, const QNetworkRequest& request, QByteArray method, FileWindowDevice* body,
                    QObject* parent = nullptr);
    ~FileBodyRequest() override;

    // Whether a request to `url` can go out this way: http or https, directly or through an HTTP
    // (CONNECT) or SOCKS5 proxy, the route `network` would take (net::socketProxyFor); any other
    // route is left to QNetworkAccessManager.
    static bool canSendDirectly(const QUrl& url, const QNetworkAccessManager* network);
    // The route itself (NoProxy, or the proxy to tunnel through), empty as above.
    static std::optional<QNetworkProxy> routeFor(const QUrl& url, const QNetworkAccessManager* network);
    // The route to take, from routeFor() with the manager the caller decided with, so that the
    // socket goes exactly where that manager would; before start(). Without it, the
    // application's route. Empty (a route a socket cannot follow): the request fails, never
    // silently direct.
    void setRoute(const std::optional<QNetworkProxy>& route);

    void start();
    void abort(); // stops at once; finished() does not follow

    FileWindowDevice* body() const { return m_body; } // null without a body
    // The answer, when it arrived whole (any status).
    const HttpResponseParser& response() const { return m_response; }
    // Why there is no answer: transport (also for an answer that is not valid HTTP), time-out,
    // or an unreadable file.
    const ApiError& error() const { return m_error; }
    // For tests: whether the request went over a kept connection, and whether it had to start
    // again on a fresh one because the server had closed the kept one.
    bool reusedConnection() const { return m_reused; }
    bool replacedClosedConnection() const { return m_triedFresh; }

Q_SIGNALS:
    void uploadProgress(qint64 sent, qint64 total);
    void finished();

private:
    void connectFresh();
    void attach();
    void sendHead();
    void pumpBody();
    void onBytesWritten();
    void onReadyRead();
    void onClosed();
    void onSocketError();
    bool retryOnFreshConnection();
    void finish(const ApiError& error, bool reusable);
    void releaseSocket(bool reusable);
    QByteArray head() const;
    HttpResponseParser freshParser() const;

    QPointer<ConnectionPool> m_pool;
    QNetworkRequest m_request;
    QByteArray m_method;
    FileWindowDevice* m_body;
    qint64 m_bodySize = 0;
    qint64 m_queued = 0;    // body bytes handed to the socket
    bool m_headSent = false;
    bool m_bodyQueued = false;
    QTcpSocket* m_socket = nullptr;
    std::optional<QNetworkProxy> m_route;
    bool m_routeSet = false;
    bool m_reused = false;
    bool m_triedFresh = false;
    bool m_done = false;
    QByteArray m_buffer;
    HttpResponseParser m_response;
    ApiError m_error;
    QTimer m_stall;
};

} // namespace bge
