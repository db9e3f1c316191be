#include "omicsvalidator.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

QString patternText(StringRule::Pattern p)
{
    switch (p) {
    case StringRule::Pattern::Digits:
        return u"[0-9]+"_s;
    case StringRule::Pattern::Name:
        return u"[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+"_s;
    case StringRule::Pattern::Arn:
        return u"arn:.+"_s;
    case StringRule::Pattern::ArnOrEmpty:
        return u"$|^arn:.+"_s;
    case StringRule::Pattern::RoleArn:
        return u"arn:.*"_s;
    case StringRule::Pattern::S3Uri:
        return u"s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})"_s;
    case StringRule::Pattern::None:
        break;
    }
    return {};
}

bool matches(const QString& value, StringRule::Pattern p)
{
    switch (p) {
    case StringRule::Pattern::None:
        return true;
    case StringRule::Pattern::Digits:
        return !value.isEmpty() &&
               std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    case StringRule::Pattern::Name:
        // Letters, marks, separators, symbols, numbers, punctuation: everything but control
        // characters and unassigned or private code points.
        return !value.isEmpty() && std::all_of(value.cbegin(), value.cend(), [](QChar c) {
            const auto cat = c.category();
            return cat != QChar::Other_Control && cat != QChar::Other_Format &&
                   cat != QChar::Other_NotAssigned && cat != QChar::Other_PrivateUse;
        });
    case StringRule::Pattern::Arn:
        return value.startsWith(u"arn:") && value.size() > 4;
    case StringRule::Pattern::ArnOrEmpty:
        return value.isEmpty() || (value.startsWith(u"arn:") && value.size() > 4);
    case StringRule::Pattern::RoleArn:
        return value.startsWith(u"arn:");
    case StringRule::Pattern::S3Uri: {
        static const QRegularExpression re(u"^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})$"_s,
                                           QRegularExpression::DotMatchesEverythingOption);
        return re.match(value).hasMatch();
    }
    }
    return true;
}

} // namespace

void Validator::checkString(const QString& value, const QString& path, const StringRule& rule)
{
    if (!rule.allowed.isEmpty()) {
        if (!rule.allowed.contains(value))
            m_violations.append(violation::notInEnum(path, value, rule.allowed));
        return;
    }
    if (value.size() < rule.minLength)
        m_violations.append(violation::tooShort(path, value, rule.minLength));
    else if (value.size() > rule.maxLength)
        m_violations.append(violation::tooLong(path, value, rule.maxLength));
    else if (!matches(value, rule.pattern))
        m_violations.append(violation::pattern(path, value, patternText(rule.pattern)));
}

QString Validator::string(const QJsonObject& o, const QString& key, const QString& path,
                          const StringRule& rule)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (rule.required)
            m_violations.append(violation::missing(path));
        return {};
    }
    if (!v.isString()) {
        m_serialization = u"STRING_VALUE can not be converted to a String"_s;
        return {};
    }
    checkString(v.toString(), path, rule);
    return v.toString();
}

std::optional<qint64> Validator::integer(const QJsonObject& o, const QString& key, const QString& path,
                                         bool required, qint64 lo, qint64 hi)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            m_violations.append(violation::missing(path));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d))) {
        m_serialization = u"NUMBER_VALUE can not be converted to an Integer"_s;
        return std::nullopt;
    }
    const qint64 n = qint64(d);
    if (n < lo)
        m_violations.append(violation::tooSmall(path, QString::number(n), lo));
    else if (n > hi)
        m_violations.append(violation::tooLarge(path, QString::number(n), hi));
    return n;
}

QJsonObject Validator::object(const QJsonObject& o, const QString& key, const QString& path, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            m_violations.append(violation::missing(path));
        return {};
    }
    if (!v.isObject())
        m_serialization = u"Start of structure or map found where not expected"_s;
    return v.toObject();
}

QJsonArray Validator::array(const QJsonObject& o, const QString& key, const QString& path, bool required,
                            int minItems, int maxItems)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            m_violations.append(violation::missing(path));
        return {};
    }
    if (!v.isArray()) {
        m_serialization = u"Start of list found where not expected"_s;
        return {};
    }
    const QJsonArray a = v.toArray();
    if (a.size() < minItems)
        m_violations.append(
            u"Value '[]' at '%1' failed to satisfy constraint: Member must have length greater than "
            "or equal to %2"_s.arg(path)
                .arg(minItems));
    else if (a.size() > maxItems)
        m_violations.append(
            u"Value at '%1' failed to satisfy constraint: Member must have length less than or equal "
            "to %2"_s.arg(path)
                .arg(maxItems));
    return a;
}

std::optional<Micros> Validator::timestamp(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const auto t =
        v.isDouble() ? parseTimestamp(QString::number(v.toDouble(), 'f', 6)) : parseTimestamp(v.toString());
    if (!t) {
        Q_UNUSED(path);
        m_serialization = u"class java.lang.String can not be converted to a Timestamp"_s;
        return std::nullopt;
    }
    return t;
}

QJsonObject Validator::tags(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonObject t = object(o, key, path, false);
    for (auto it = t.begin(); it != t.end(); ++it) {
        if (!it.value().isString()) {
            m_serialization = u"STRING_VALUE can not be converted to a String"_s;
            continue;
        }
        if (it.key().isEmpty() || it.key().size() > 128)
            m_violations.append(violation::tooLong(path + u".key"_s, it.key(), 128));
        if (it.value().toString().size() > 256)
            m_violations.append(violation::tooLong(path + u".value"_s, it.value().toString(), 256));
    }
    return t;
}

void Validator::id(const QString& value, const QString& path)
{
    checkString(value, path, StringRule{true, 10, 36, StringRule::Pattern::Digits, {}});
}

std::optional<qint64> Validator::queryInteger(const QString& raw, bool present, const QString& path,
                                              bool required, qint64 lo, qint64 hi)
{
    if (!present) {
        if (required)
            m_violations.append(violation::missing(path));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 n = raw.toLongLong(&ok);
    if (!ok) {
        m_serialization = u"Unable to parse '%1' as an integer for '%2'"_s.arg(raw.left(40), path);
        return std::nullopt;
    }
    if (n < lo)
        m_violations.append(violation::tooSmall(path, raw, lo));
    else if (n > hi)
        m_violations.append(violation::tooLarge(path, raw, hi));
    return n;
}

void Validator::enumValue(const QString& value, bool present, const QString& path, bool required,
                          const QStringList& allowed)
{
    if (!present) {
        if (required)
            m_violations.append(violation::missing(path));
        return;
    }
    if (!allowed.contains(value))
        m_violations.append(violation::notInEnum(path, value, allowed));
}

OmicsError Validator::error() const
{
    if (!m_serialization.isEmpty())
        return OmicsError::serialization(m_serialization);
    return OmicsError::violations(m_violations);
}

std::optional<QJsonObject> parseBody(const QByteArray& body, OmicsError* error)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = OmicsError::serialization(u"Unable to parse the request body as a JSON object"_s);
        return std::nullopt;
    }
    return doc.object();
}

} // namespace bge::sandbox::omics
