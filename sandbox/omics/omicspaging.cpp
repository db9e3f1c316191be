#include "omicspaging.h"

#include <QCryptographicHash>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

// base64 of 0xFB 0xFF 0xBF is "+/+/": every token starts with the characters that need encoding.
const QByteArray kPrefix("\xfb\xff\xbf", 3);

QByteArray binding(const QString& list, const QByteArray& fingerprint)
{
    return QCryptographicHash::hash(QByteArray(list.toUtf8() + '|' + fingerprint), QCryptographicHash::Sha256)
        .left(6)
        .toHex();
}

QString makeToken(const QString& list, const QByteArray& fingerprint, qint64 offset)
{
    QByteArray raw = kPrefix + binding(list, fingerprint) + '|' + QByteArray::number(offset);
    if (raw.size() % 3 == 0)
        raw += '|'; // so that the base64 ends with '='
    return QString::fromLatin1(raw.toBase64());
}

std::optional<qint64> readToken(const QString& token, const QString& list, const QByteArray& fingerprint)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(kPrefix))
        return std::nullopt;
    const QByteArrayList fields = decoded.decoded.mid(kPrefix.size()).split('|');
    if (fields.size() < 2 || fields[0] != binding(list, fingerprint))
        return std::nullopt;
    bool ok = false;
    const qint64 offset = fields[1].toLongLong(&ok);
    return ok && offset >= 0 ? std::optional(offset) : std::nullopt;
}

} // namespace

std::optional<Page> page(const QJsonArray& items, const QString& list, const QByteArray& filterFingerprint,
                         qint64 maxResults, const QString& nextToken, bool hasNextToken, OmicsError* error)
{
    qint64 offset = 0;
    if (hasNextToken) {
        const auto read = readToken(nextToken, list, filterFingerprint);
        if (!read || *read > items.size()) {
            *error = OmicsError::validation(u"The nextToken is invalid or has expired."_s);
            return std::nullopt;
        }
        offset = *read;
    }
    Page p;
    const qint64 end = std::min<qint64>(items.size(), offset + maxResults);
    for (qint64 i = offset; i < end; ++i)
        p.items.append(items.at(i));
    if (end < items.size())
        p.nextToken = makeToken(list, filterFingerprint, end);
    return p;
}

} // namespace bge::sandbox::omics
