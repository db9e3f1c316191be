#include "serverclock.h"

#include "httpdate.h"

#include <QHash>
#include <QMutex>

namespace bge::oss {

namespace {

QMutex& mutex()
{
    static QMutex m;
    return m;
}

// Per scheme, host and port: one clock per server (the bucket is not part of it).
QHash<QString, qint64>& offsets()
{
    static QHash<QString, qint64> o;
    return o;
}

QString keyOf(const QUrl& endpoint)
{
    return endpoint.scheme().toLower() + QStringLiteral("://") + endpoint.host().toLower() + u':' +
           QString::number(endpoint.port(-1));
}

} // namespace

QDateTime ServerClock::now(const QUrl& endpoint)
{
    return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds(endpoint));
}

bool ServerClock::learn(const QUrl& endpoint, QByteArrayView dateHeader, const QDateTime& receivedAt)
{
    const QDateTime server = fromHttpDate(dateHeader);
    if (!server.isValid() || !receivedAt.isValid())
        return false;
    // Whole seconds (what Date carries); a nearly right clock keeps no offset at all.
    qint64 offset = receivedAt.secsTo(server);
    if (qAbs(offset) < 2)
        offset = 0;
    const QMutexLocker lock(&mutex());
    if (offset == 0)
        offsets().remove(keyOf(endpoint));
    else
        offsets().insert(keyOf(endpoint), offset);
    return true;
}

qint64 ServerClock::offsetSeconds(const QUrl& endpoint)
{
    const QMutexLocker lock(&mutex());
    return offsets().value(keyOf(endpoint), 0);
}

void ServerClock::reset()
{
    const QMutexLocker lock(&mutex());
    offsets().clear();
}

} // namespace bge::oss
