#include "jsonfields.h"

#include <QJsonDocument>

#include <cmath>

namespace bge {

using namespace Qt::StringLiterals;

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: return u"nothing"_s;
    }
    return {};
}

QString compactJson(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isNull())
        return u"null"_s;
    return value.toVariant().toString();
}

std::optional<qint64> exactInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double n = value.toDouble();
    // 2^53: beyond it doubles no longer hold every integer.
    if (!std::isfinite(n) || std::floor(n) != n || std::fabs(n) > 9007199254740992.0)
        return std::nullopt;
    return qint64(n);
}

JsonFields::JsonFields(const QJsonValue& value, QString path) : m_path(std::move(path))
{
    m_isObject = value.isObject();
    if (m_isObject)
        m_object = value.toObject();
    else
        m_problem = u"%1: expected an object, got %2"_s.arg(m_path, jsonTypeName(value));
}

QString JsonFields::childPath(QStringView key) const
{
    return m_path + u'.' + key;
}

void JsonFields::fail(const QString& problem)
{
    if (m_problem.isEmpty())
        m_problem = problem;
}

void JsonFields::merge(const JsonFields& nested)
{
    if (!nested.ok())
        fail(nested.m_problem);
}

QJsonValue JsonFields::field(QStringView key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (required && (v.isUndefined() || v.isNull()) && m_isObject)
        fail(u"%1: required field is missing"_s.arg(childPath(key)));
    return v;
}

void JsonFields::wrongType(QStringView key, const char* expected, const QJsonValue& got)
{
    fail(u"%1: expected %2, got %3"_s.arg(childPath(key), QLatin1StringView(expected), jsonTypeName(got)));
}

QString JsonFields::requiredString(QStringView key)
{
    const QJsonValue v = field(key, true);
    if (!v.isString() && !v.isUndefined() && !v.isNull())
        wrongType(key, "a string", v);
    return v.toString();
}

QString JsonFields::string(QStringView key)
{
    const QJsonValue v = field(key, false);
    if (!v.isString() && !v.isUndefined() && !v.isNull())
        wrongType(key, "a string", v);
    return v.toString();
}

QString JsonFields::stringOrNumber(QStringView key)
{
    const QJsonValue v = field(key, false);
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return string(key);
}

std::optional<double> JsonFields::number(QStringView key)
{
    const QJsonValue v = field(key, false);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        wrongType(key, "a number", v);
        return std::nullopt;
    }
    return v.toDouble();
}

double JsonFields::requiredNumber(QStringView key)
{
    const QJsonValue v = field(key, true);
    if (!v.isDouble() && !v.isUndefined() && !v.isNull())
        wrongType(key, "a number", v);
    return v.toDouble();
}

std::optional<qint64> JsonFields::integer(QStringView key)
{
    const std::optional<double> n = number(key);
    if (!n)
        return std::nullopt;
    const std::optional<qint64> exact = exactInteger(QJsonValue(*n));
    if (!exact)
        fail(u"%1: expected an integer, got %2"_s.arg(childPath(key)).arg(*n));
    return exact;
}

qint64 JsonFields::requiredInteger(QStringView key)
{
    field(key, true);
    return integer(key).value_or(0);
}

std::optional<bool> JsonFields::boolean(QStringView key)
{
    const QJsonValue v = field(key, false);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        wrongType(key, "a boolean", v);
        return std::nullopt;
    }
    return v.toBool();
}

QJsonObject JsonFields::objectField(QStringView key)
{
    const QJsonValue v = field(key, false);
    if (!v.isObject() && !v.isUndefined() && !v.isNull())
        wrongType(key, "an object", v);
    return v.toObject();
}

QJsonArray JsonFields::array(QStringView key)
{
    const QJsonValue v = field(key, false);
    if (!v.isArray() && !v.isUndefined() && !v.isNull())
        wrongType(key, "an array", v);
    return v.toArray();
}

QStringList JsonFields::stringList(QStringView key)
{
    QStringList out;
    const QJsonArray items = array(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].isString())
            out.append(items[i].toString());
        else if (!items[i].isNull())
            fail(u"%1[%2]: expected a string, got %3"_s.arg(childPath(key)).arg(i).arg(jsonTypeName(items[i])));
    }
    return out;
}

} // namespace bge
