#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace bge::test {

// An HTTP/1.1 server on 127.0.0.1 that answers each request with a scripted raw response
// chosen by the request's path, including answers no well-behaved server gives: broken
// JSON, truncated bodies, resets, silence, endless streams. Event-driven on the test's
// thread (no threads), so a test can inspect what it saw right after a job finishes.
class MisbehavingServer final : public QObject
{
    Q_OBJECT
public:
    // What to do with one request.
    struct Reply
    {
        enum class Then
        {
            Close,          // write `bytes`, then close the connection gracefully (FIN)
            Reset,          // write `bytes`, then reset the connection (RST)
            Hold,           // write `bytes`, then keep the connection open and say nothing more
            Stream,         // write `bytes`, then `streamBytes` of filler as fast as the client reads, close
            StreamThenHold, // the same, but then keep the connection open and say nothing more
        };
        QByteArray bytes;
        Then then = Then::Close;
        qint64 streamBytes = 0;

        // A complete response with Content-Length and `Connection: close`.
        static Reply http(int status, const QByteArray& contentType, const QByteArray& body,
                          const QList<QByteArray>& extraHeaders = {});
        static Reply json(const QByteArray& body) { return http(200, "application/json", body); }
        // Exactly these bytes, then close: for status lines and headers that lie.
        static Reply raw(const QByteArray& bytes) { return {bytes, Then::Close, 0}; }
        static Reply reset(const QByteArray& partial = {}) { return {partial, Then::Reset, 0}; }
        // Accepts the request and never answers (or stalls after `partial`).
        static Reply silence(const QByteArray& partial = {}) { return {partial, Then::Hold, 0}; }
        static Reply stream(const QByteArray& headers, qint64 bodyBytes)
        {
            return {headers, Then::Stream, bodyBytes};
        }
        static Reply streamThenHold(const QByteArray& headers, qint64 bodyBytes)
        {
            return {headers, Then::StreamThenHold, bodyBytes};
        }
    };

    // One request as received.
    struct Request
    {
        QByteArray method;
        QByteArray path; // without the query
        QByteArray query;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
    };

    explicit MisbehavingServer(QObject* parent = nullptr);
    ~MisbehavingServer() override;

    bool listen();
    QUrl baseUrl() const;

    // Replies for `path`, used in order; the last one repeats. Unscripted paths get a 404.
    void script(const QByteArray& path, const QList<Reply>& replies);
    void script(const QByteArray& path, const Reply& reply) { script(path, QList<Reply>{reply}); }

    const QList<Request>& requests() const { return m_requests; }
    int requestCount(const QByteArray& path) const;
    // Connections the client has not closed yet (held or still streaming).
    int openConnections() const { return int(m_open.size()); }
    // Filler bytes written by Stream replies so far (all connections).
    qint64 streamedBytes() const { return m_streamed; }

private:
    struct Connection
    {
        QByteArray buffer;
        bool answered = false;
        qint64 streamLeft = 0;
        bool holdAfterStream = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Request& request);
    void feedStream(QTcpSocket* socket);
    void resetConnection(QTcpSocket* socket);
    static bool parseRequest(QByteArray& buffer, Request& request);

    QTcpServer m_server;
    QHash<QByteArray, QList<Reply>> m_scripts;
    QHash<QTcpSocket*, Connection> m_open;
    QList<Request> m_requests;
    qint64 m_streamed = 0;
};

} // namespace bge::test
