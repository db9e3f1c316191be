#include "sampleformat.h"

#include "api/platformcodes.h"
#include "api/records/sample.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace bge::ui {

using namespace Qt::StringLiterals;

QString SampleFormat::coded(const CodedValue& value, const QList<PlatformCode>& table)
{
    if (!value.isSet())
        return {};
    if (!value.display.isEmpty())
        return value.display;
    for (const PlatformCode& c : table) {
        if (c.code == value.code)
            return c.name;
    }
    return QString::number(value.code);
}

QDateTime SampleFormat::time(const QString& platformText)
{
    return QDateTime::fromString(platformText.trimmed(), Qt::ISODateWithMs);
}

QString SampleFormat::timeText(const QString& platformText)
{
    const QDateTime t = time(platformText);
    if (!t.isValid())
        return platformText;
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString SampleFormat::yesNo(std::optional<bool> value)
{
    if (!value)
        return {};
    return *value ? tr("Yes") : tr("No");
}

QString SampleFormat::scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Counts stay exact ("5160417", not "5.16042e+06"); measures keep their decimals.
        // The range check comes first: converting 1e300 to an integer is undefined.
        if (std::abs(d) < 9.0e15 && std::trunc(d) == d)
            return QLocale().toString(qint64(d));
        return QLocale().toString(d, 'g', 10);
    }
    case QJsonValue::Bool:
        return yesNo(value.toBool());
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& v : value.toArray())
            parts.append(scalarText(v));
        parts.removeAll(QString());
        return parts.join(u", "_s);
    }
    default:
        return {};
    }
}

QString SampleFormat::sizeText(qint64 bytes)
{
    if (bytes < 0)
        return {};
    return QLocale().formattedDataSize(bytes);
}

} // namespace bge::ui
