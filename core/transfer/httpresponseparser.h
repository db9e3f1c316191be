#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace bge {

// Reads one HTTP/1.1 answer from the bytes a socket delivers, in whatever pieces they come:
// the status line, the headers, and a body delimited by Content-Length, chunked encoding or the
// end of the connection. Interim answers (1xx, such as 100 Continue) are skipped. Only small
// bodies are expected (OSS answers an upload with headers and, on error, a short XML): a header
// block or body over its limit fails the answer rather than growing without bound.
class HttpResponseParser final
{
public:
    enum class State { Headers, Body, Done, Failed };

    explicit HttpResponseParser(qsizetype maxBody = 1 << 20) : m_maxBody(maxBody) {}

    // The answer to a HEAD: it has no body, whatever its Content-Length says (RFC 9112 §6.3).
    void setAnswersHead(bool head) { m_answersHead = head; }

    // Takes the next bytes of the connection; returns how many belong to this answer (fewer
    // than `size` once it is Done: whatever follows is not ours).
    qsizetype feed(const char* data, qsizetype size);
    // The peer closed the connection: a body that runs to the end of the connection is Done;
    // anything else unfinished is Failed (a truncated answer).
    void closed();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool hasFailed() const { return m_state == State::Failed; }
    bool hasStarted() const { return m_started; } // any byte of an answer seen
    QString error() const { return m_error; }     // why it failed, for logs (English)

    int status() const { return m_status; }
    const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    QByteArray header(const QByteArray& name) const; // the first of that name, case-insensitive
    const QByteArray& body() const { return m_body; }
    // The connection may carry another request after this answer: HTTP/1.1 without
    // "Connection: close", a body with a known end.
    bool keepAlive() const;

private:
    enum class Framing { Length, Chunked, UntilClose };
    enum class ChunkStep { Size, Data, DataEnd, Trailer };

    qsizetype feedHeaders(const char* data, qsizetype size);
    qsizetype feedBody(const char* data, qsizetype size);
    qsizetype feedChunked(const char* data, qsizetype size);
    bool parseHeaderBlock(const QByteArray& block);
    bool appendBody(const char* data, qsizetype size);
    // Takes bytes up to and including the next CRLF into m_line; true once the line is whole.
    bool takeLine(const char* data, qsizetype size, qsizetype* used);
    void fail(const QString& why);

    qsizetype m_maxBody;
    bool m_answersHead = false;
    State m_state = State::Headers;
    bool m_started = false;
    QString m_error;
    QByteArray m_headerBlock;
    int m_status = 0;
    int m_minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    Framing m_framing = Framing::Length;
    qint64 m_remaining = 0; // body bytes (Length) or chunk bytes still to come
    ChunkStep m_chunkStep = ChunkStep::Size;
    QByteArray m_line;
    QByteArray m_body;
};

} // namespace bge
