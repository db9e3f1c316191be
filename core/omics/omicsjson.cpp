#include "omicsjson.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace bge::omics {

using namespace Qt::StringLiterals;

QDateTime parseTimestamp(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        // Up to year 9999: anything larger is not a date, and would overflow milliseconds.
        if (!std::isfinite(seconds) || seconds < 0 || seconds > 253402300799.0)
            return {};
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), QTimeZone::utc());
    }
    if (!value.isString())
        return {};
    // Strict shape first: Qt's ISODate parser accepts more (and fewer fraction digits) than
    // the service sends; the shape is checked here, the calendar by Qt.
    static const QRegularExpression shape(
        uR"(^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$)"_s);
    const QRegularExpressionMatch m = shape.match(value.toString());
    if (!m.hasMatch())
        return {};
    const QString fraction = m.captured(3);
    const int millis = fraction.isEmpty() ? 0 : QString(fraction + u"00"_s).left(3).toInt();
    QString zone = m.captured(4);
    if (zone == u"z")
        zone = u"Z"_s;
    QDateTime time = QDateTime::fromString(m.captured(1) + u'T' + m.captured(2) + zone, Qt::ISODate);
    if (!time.isValid())
        return {};
    return time.addMSecs(millis).toUTC();
}

QString formatTimestamp(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    if (utc.time().msec() != 0)
        return utc.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
    return utc.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

namespace {

QDateTime timestamp(JsonFields& fields, QStringView key, bool required)
{
    const QJsonValue value = fields.object().value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fields.fail(fields.childPath(key) + u": missing"_s);
        return {};
    }
    const QDateTime time = parseTimestamp(value);
    if (!time.isValid())
        fields.fail(fields.childPath(key) + u": expected an ISO 8601 time or epoch seconds, got "_s +
                    compactJson(value).left(60));
    return time;
}

} // namespace

QDateTime requiredTimestamp(JsonFields& fields, QStringView key)
{
    return timestamp(fields, key, true);
}

QDateTime optionalTimestamp(JsonFields& fields, QStringView key)
{
    return timestamp(fields, key, false);
}

QString enumString(JsonFields& fields, QStringView key, bool required)
{
    const QString text = required ? fields.requiredString(key) : fields.string(key);
    if (required && fields.ok() && text.isEmpty())
        fields.fail(fields.childPath(key) + u": empty"_s);
    return text;
}

QMap<QString, QString> stringMap(JsonFields& fields, QStringView key)
{
    QMap<QString, QString> map;
    const QJsonObject object = fields.objectField(key);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            fields.fail(fields.childPath(key) + u'.' + it.key() + u": expected a string, got "_s +
                        jsonTypeName(it.value()));
            break;
        }
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

} // namespace bge::omics
