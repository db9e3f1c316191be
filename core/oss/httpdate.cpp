#include "httpdate.h"

#include <QLocale>
#include <QTimeZone>

namespace bge::oss {

QByteArray toHttpDate(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QDateTime fromHttpDate(QByteArrayView text)
{
    const QString s = QString::fromLatin1(text.trimmed());
    for (const auto& format : {QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"),
                              QStringLiteral("ddd, d MMM yyyy hh:mm:ss 'GMT'")}) {
        QDateTime dt = QLocale::c().toDateTime(s, format);
        if (dt.isValid()) {
            dt.setTimeZone(QTimeZone::utc());
            return dt;
        }
    }
    return {};
}

QByteArray toIso8601Basic(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'hhmmss'Z'")).toLatin1();
}

QDateTime fromIso8601Basic(QByteArrayView text)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyyMMdd'T'hhmmss'Z'"));
    if (dt.isValid())
        dt.setTimeZone(QTimeZone::utc());
    return dt;
}

} // namespace bge::oss
