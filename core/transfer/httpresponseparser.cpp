#include "httpresponseparser.h"

using namespace Qt::StringLiterals;

namespace bge {

namespace {

constexpr qsizetype kMaxHeaderBlock = 64 * 1024;
constexpr qsizetype kMaxChunkLine = 4096;

// Where the header block ends (just past its blank line), or -1. Bare LF line ends are
// accepted as well, as most clients do.
qsizetype headerBlockEnd(const QByteArray& block, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(0, from); i < block.size(); ++i) {
        if (block[i] != '\n')
            continue;
        if (i >= 1 && block[i - 1] == '\n')
            return i + 1;
        if (i >= 2 && block[i - 1] == '\r' && block[i - 2] == '\n')
            return i + 1;
    }
    return -1;
}

bool parseDecimal(const QByteArray& text, qint64* value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    *value = text.toLongLong();
    return true;
}

} // namespace

QByteArray HttpResponseParser::header(const QByteArray& name) const
{
    for (const auto& [n, v] : m_headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

bool HttpResponseParser::keepAlive() const
{
    if (m_state != State::Done || m_framing == Framing::UntilClose)
        return false;
    const QByteArray connection = header("Connection").toLower();
    if (connection.contains("close"))
        return false;
    return m_minorVersion >= 1 || connection.contains("keep-alive");
}

void HttpResponseParser::fail(const QString& why)
{
    m_state = State::Failed;
    m_error = why;
}

qsizetype HttpResponseParser::feed(const char* data, qsizetype size)
{
    qsizetype used = 0;
    while (used < size && (m_state == State::Headers || m_state == State::Body)) {
        m_started = true;
        const qsizetype n = m_state == State::Headers ? feedHeaders(data + used, size - used)
                                                      : feedBody(data + used, size - used);
        used += n;
        if (n == 0 && m_state != State::Done) // nothing consumed: the state machine needs more
            break;
    }
    // An answer without a body is complete with its headers, even when no byte follows them.
    if (m_state == State::Body && m_framing == Framing::Length && m_remaining == 0)
        m_state = State::Done;
    return used;
}

void HttpResponseParser::closed()
{
    if (m_state == State::Body && m_framing == Framing::UntilClose)
        m_state = State::Done;
    else if (m_state == State::Headers || m_state == State::Body)
        fail(m_started ? u"the connection closed in the middle of the answer"_s
                       : u"the connection closed without an answer"_s);
}

qsizetype HttpResponseParser::feedHeaders(const char* data, qsizetype size)
{
    const qsizetype before = m_headerBlock.size();
    m_headerBlock.append(data, size);
    const qsizetype end = headerBlockEnd(m_headerBlock, before - 2);
    if (end < 0) {
        if (m_headerBlock.size() > kMaxHeaderBlock)
            fail(u"the answer's headers exceed %1 bytes"_s.arg(kMaxHeaderBlock));
        return size;
    }
    if (end > kMaxHeaderBlock) {
        fail(u"the answer's headers exceed %1 bytes"_s.arg(kMaxHeaderBlock));
        return size;
    }
    const qsizetype used = end - before;
    const QByteArray block = m_headerBlock.left(end);
    m_headerBlock.clear();
    if (!parseHeaderBlock(block))
        return used;
    if (m_status >= 100 && m_status < 200) { // interim: the real answer follows
        if (m_status == 101) {
            fail(u"the server switched protocols"_s);
            return used;
        }
        m_headers.clear();
        m_status = 0;
        return used;
    }
    m_state = State::Body;
    return used;
}

bool HttpResponseParser::parseHeaderBlock(const QByteArray& block)
{
    QList<QByteArray> lines = block.split('\n');
    for (QByteArray& line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QByteArray statusLine = lines.value(0);
    // "HTTP/1.1 200 OK": the reason phrase is optional and ignored.
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine[8] != ' ') {
        fail(u"not an HTTP/1.x answer: %1"_s.arg(QString::fromLatin1(statusLine.left(40).toPercentEncoding(" /"))));
        return false;
    }
    const char minor = statusLine[7];
    const QByteArray code = statusLine.mid(9, 3);
    qint64 status = 0;
    if (minor < '0' || minor > '9' || !parseDecimal(code, &status) || status < 100 ||
        (statusLine.size() > 12 && statusLine[12] != ' ')) {
        fail(u"malformed status line: %1"_s.arg(QString::fromLatin1(statusLine.left(40).toPercentEncoding(" /"))));
        return false;
    }
    m_minorVersion = minor - '0';
    m_status = int(status);
    m_headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line[0] == ' ' || line[0] == '\t') {
            fail(u"malformed header line in the answer"_s);
            return false;
        }
        m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (m_status >= 100 && m_status < 200)
        return true;
    if (m_answersHead) {
        m_framing = Framing::Length;
        m_remaining = 0;
        return true;
    }

    const QByteArray transferEncoding = header("Transfer-Encoding").toLower();
    if (!transferEncoding.isEmpty() && transferEncoding != "identity") {
        if (!transferEncoding.trimmed().endsWith("chunked")) {
            fail(u"unsupported transfer encoding: %1"_s.arg(QString::fromLatin1(transferEncoding)));
            return false;
        }
        m_framing = Framing::Chunked;
        m_chunkStep = ChunkStep::Size;
        return true;
    }
    if (m_status == 204 || m_status == 304) {
        m_framing = Framing::Length;
        m_remaining = 0;
        return true;
    }
    // Every Content-Length must agree (RFC 9112 §6.3: differing ones make the answer invalid).
    bool haveLength = false;
    for (const auto& [name, value] : m_headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        qint64 length = 0;
        if (!parseDecimal(value, &length) || (haveLength && length != m_remaining)) {
            fail(u"invalid Content-Length in the answer"_s);
            return false;
        }
        haveLength = true;
        m_remaining = length;
    }
    if (haveLength && m_remaining > m_maxBody) {
        fail(u"the answer's body of %1 bytes exceeds %2"_s.arg(m_remaining).arg(m_maxBody));
        return false;
    }
    m_framing = haveLength ? Framing::Length : Framing::UntilClose;
    return true;
}

bool HttpResponseParser::appendBody(const char* data, qsizetype size)
{
    if (m_body.size() + size > m_maxBody) {
        fail(u"the answer's body exceeds %1 bytes"_s.arg(m_maxBody));
        return false;
    }
    m_body.append(data, size);
    return true;
}

qsizetype HttpResponseParser::feedBody(const char* data, qsizetype size)
{
    switch (m_framing) {
    case Framing::Length: {
        const qsizetype n = qsizetype(qMin<qint64>(m_remaining, size));
        if (!appendBody(data, n))
            return n;
        m_remaining -= n;
        if (m_remaining == 0)
            m_state = State::Done;
        return n;
    }
    case Framing::UntilClose:
        appendBody(data, size);
        return size;
    case Framing::Chunked:
        return feedChunked(data, size);
    }
    return size;
}

bool HttpResponseParser::takeLine(const char* data, qsizetype size, qsizetype* used)
{
    const char* newline = static_cast<const char*>(memchr(data, '\n', size_t(size)));
    const qsizetype n = newline ? qsizetype(newline - data) + 1 : size;
    m_line.append(data, n);
    *used = n;
    if (m_line.size() > kMaxChunkLine) {
        fail(u"a chunk line of the answer is too long"_s);
        return false;
    }
    if (!newline)
        return false;
    m_line.chop(m_line.endsWith("\r\n") ? 2 : 1);
    return true;
}

qsizetype HttpResponseParser::feedChunked(const char* data, qsizetype size)
{
    qsizetype used = 0;
    switch (m_chunkStep) {
    case ChunkStep::Size: {
        if (!takeLine(data, size, &used))
            return used;
        QByteArray sizeText = m_line;
        m_line.clear();
        const qsizetype semicolon = sizeText.indexOf(';'); // chunk extensions are ignored
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        sizeText = sizeText.trimmed();
        bool ok = !sizeText.isEmpty() && sizeText.size() <= 15;
        const qint64 chunk = ok ? sizeText.toLongLong(&ok, 16) : 0;
        if (!ok || chunk < 0) {
            fail(u"malformed chunk size in the answer"_s);
            return used;
        }
        m_remaining = chunk;
        m_chunkStep = chunk == 0 ? ChunkStep::Trailer : ChunkStep::Data;
        return used;
    }
    case ChunkStep::Data: {
        const qsizetype n = qsizetype(qMin<qint64>(m_remaining, size));
        if (!appendBody(data, n))
            return n;
        m_remaining -= n;
        if (m_remaining == 0)
            m_chunkStep = ChunkStep::DataEnd;
        return n;
    }
    case ChunkStep::DataEnd:
        if (!takeLine(data, size, &used))
            return used;
        if (!m_line.isEmpty()) {
            fail(u"malformed chunk end in the answer"_s);
            return used;
        }
        m_line.clear();
        m_chunkStep = ChunkStep::Size;
        return used;
    case ChunkStep::Trailer:
        if (!takeLine(data, size, &used))
            return used;
        if (m_line.isEmpty()) // the blank line after the trailer fields ends the body
            m_state = State::Done;
        m_line.clear();
        return used;
    }
    return size;
}

} // namespace bge
