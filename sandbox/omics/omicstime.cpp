#include "omicstime.h"

#include <QDate>
#include <QRegularExpression>

#include <chrono>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

Micros nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QString formatTimestamp(Micros t)
{
    const qint64 seconds = t >= 0 ? t / 1000000 : (t - 999999) / 1000000;
    const qint64 fraction = t - seconds * 1000000;
    const QDate day = QDate(1970, 1, 1).addDays(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
    const qint64 within = seconds - (day.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400;
    return u"%1T%2:%3:%4.%5+00:00"_s.arg(day.toString(Qt::ISODate))
        .arg(within / 3600, 2, 10, QChar(u'0'))
        .arg((within / 60) % 60, 2, 10, QChar(u'0'))
        .arg(within % 60, 2, 10, QChar(u'0'))
        .arg(fraction, 6, 10, QChar(u'0'));
}

std::optional<Micros> parseTimestamp(const QString& text)
{
    static const QRegularExpression iso(
        uR"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$)"_s);
    const auto m = iso.match(text);
    if (!m.hasMatch()) {
        bool ok = false;
        const double epoch = text.toDouble(&ok);
        if (ok && epoch >= 0 && epoch < 1e11)
            return Micros(epoch * 1e6);
        return std::nullopt;
    }
    const QDate day(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int h = m.captured(4).toInt();
    const int min = m.captured(5).toInt();
    const int s = m.captured(6).toInt();
    if (!day.isValid() || h > 23 || min > 59 || s > 60)
        return std::nullopt;
    const QString fraction = QString(m.captured(7) + u"000000"_s).left(6);
    qint64 offsetSeconds = 0;
    if (m.captured(8).isEmpty()) {
        offsetSeconds =
            (m.captured(10).toInt() * 3600 + m.captured(11).toInt() * 60) * (m.captured(9) == u"-" ? -1 : 1);
    }
    const qint64 seconds = (day.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400 + h * 3600 +
                           min * 60 + s - offsetSeconds;
    return seconds * 1000000 + fraction.toLongLong();
}

} // namespace bge::sandbox::omics
