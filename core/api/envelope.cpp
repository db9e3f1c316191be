#include "envelope.h"

#include "jsonfields.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace bge {

using namespace Qt::StringLiterals;

namespace {

bool looksLikeHtml(const HttpAnswer& answer)
{
    if (answer.contentType.toLower().contains("html"))
        return true;
    const QByteArray start = answer.body.left(64).trimmed().toLower();
    return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith('<');
}

QString excerpt(const HttpAnswer& answer)
{
    if (answer.redactBody)
        return u"(%1 bytes of %2, not shown: the answer may hold secrets)"_s.arg(answer.body.size())
            .arg(answer.contentType.isEmpty() ? u"unknown type"_s : QString::fromLatin1(answer.contentType));
    return bodyExcerpt(answer.body);
}

} // namespace

QString bodyExcerpt(const QByteArray& body, int maxChars)
{
    QString text = QString::fromUtf8(body.left(maxChars * 4)).left(maxChars);
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    text = text.simplified();
    if (body.size() > maxChars)
        text += u"…"_s;
    return text;
}

Result<Envelope> parseEnvelope(const HttpAnswer& answer)
{
    if (answer.status >= 400)
        return ApiError::http(answer.status, u"HTTP %1: %2"_s.arg(answer.status).arg(excerpt(answer)));
    if (answer.body.size() > kMaxResponseBytes)
        return ApiError::malformed(u"response of %1 bytes exceeds the %2-byte limit"_s.arg(answer.body.size())
                                       .arg(kMaxResponseBytes));
    if (answer.body.trimmed().isEmpty())
        return ApiError::malformed(u"empty response (HTTP %1)"_s.arg(answer.status));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (looksLikeHtml(answer))
            return ApiError::malformed(u"an HTML page instead of JSON: %1"_s.arg(excerpt(answer)));
        return ApiError::malformed(u"invalid JSON at byte %1 (%2): %3"_s.arg(parseError.offset)
                                       .arg(parseError.errorString(), excerpt(answer)));
    }
    if (!doc.isObject())
        return ApiError::malformed(u"the response is not a JSON object: %1"_s.arg(excerpt(answer)));

    const QJsonObject root = doc.object();
    // Codes are small integers (0, 400, 41001…): anything else is not an envelope we know,
    // and must not be cut down to an int that happens to mean something else.
    const std::optional<qint64> code = exactInteger(root.value(u"code"));
    if (!code || *code < std::numeric_limits<int>::min() || *code > std::numeric_limits<int>::max())
        return ApiError::malformed(u"the envelope has no integer \"code\": %1"_s.arg(excerpt(answer)));
    const QJsonValue msg = root.value(u"msg");
    if (!msg.isUndefined() && !msg.isNull() && !msg.isString())
        return ApiError::malformed(u"the envelope's \"msg\" is not a string"_s);
    if (*code != 0)
        return ApiError::api(int(*code), msg.toString(), root.value(u"data"));

    const QJsonValue pagination = root.value(u"pagination");
    if (!pagination.isUndefined() && !pagination.isNull() && !pagination.isObject())
        return ApiError::malformed(u"the envelope's \"pagination\" is not an object"_s);
    return Envelope{root.value(u"data"), pagination.toObject()};
}

} // namespace bge
