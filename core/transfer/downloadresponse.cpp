#include "downloadresponse.h"

#include <QXmlStreamReader>

#include <limits>

namespace bge::downloadresponse {

using namespace Qt::StringLiterals;

namespace {

// Digits only (no sign, no spaces, no "0x"): toLongLong() alone would accept " 12" and "+12".
bool allDigits(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 20)
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::optional<qint64> parseOffset(QByteArrayView s)
{
    if (!allDigits(s))
        return std::nullopt;
    bool ok = false;
    const qint64 v = s.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

std::optional<ContentRange> parseContentRange(QByteArrayView value)
{
    const QByteArray v = value.toByteArray().trimmed();
    if (!v.startsWith("bytes "))
        return std::nullopt;
    const QByteArray spec = v.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    const qsizetype slash = spec.indexOf('/');
    if (dash <= 0 || slash <= dash)
        return std::nullopt;
    const auto first = parseOffset(QByteArrayView(spec).first(dash));
    const auto last = parseOffset(QByteArrayView(spec).sliced(dash + 1, slash - dash - 1));
    const auto total = parseOffset(QByteArrayView(spec).sliced(slash + 1));
    if (!first || !last || !total || *last < *first || *last >= *total)
        return std::nullopt;
    return ContentRange{*first, *last, *total};
}

std::optional<quint64> parseCrc64(QByteArrayView value)
{
    const QByteArray v = value.toByteArray().trimmed();
    if (!allDigits(v))
        return std::nullopt;
    bool ok = false;
    const quint64 crc = v.toULongLong(&ok);
    return ok ? std::optional<quint64>(crc) : std::nullopt;
}

OssErrorBody parseOssError(QByteArrayView xml)
{
    OssErrorBody e;
    QXmlStreamReader reader(xml.toByteArray());
    if (!reader.readNextStartElement() || reader.name() != u"Error")
        return e;
    while (reader.readNextStartElement()) {
        if (reader.name() == u"Code")
            e.code = reader.readElementText().left(200);
        else if (reader.name() == u"Message")
            e.message = reader.readElementText().left(500);
        else
            reader.skipCurrentElement();
    }
    return e;
}

bool isExpiredSignature(int httpStatus, const OssErrorBody& error)
{
    if (httpStatus != 403)
        return false;
    if (error.code == u"SecurityTokenExpired")
        return true;
    return error.code == u"AccessDenied" && error.message.contains(u"expired", Qt::CaseInsensitive);
}

} // namespace bge::downloadresponse
