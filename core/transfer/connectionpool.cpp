#include "connectionpool.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace bge {

ConnectionPool::ConnectionPool(QObject* parent) : QObject(parent) {}

ConnectionPool::~ConnectionPool()
{
    for (const QList<QTcpSocket*>& sockets : std::as_const(m_idle)) {
        for (QTcpSocket* socket : sockets) {
            socket->disconnect(this);
            socket->abort();
        }
    }
    // The sockets are children of this pool while idle and go with it.
}

QString ConnectionPool::originOf(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return scheme + u"://"_s + url.host().toLower() + u':' +
           QString::number(url.port(scheme == u"https"_s ? 443 : 80));
}

QTcpSocket* ConnectionPool::take(const QUrl& url)
{
    auto it = m_idle.find(originOf(url));
    while (it != m_idle.end() && !it->isEmpty()) {
        QTcpSocket* socket = it->takeLast();
        socket->disconnect(this);
        if (auto* timer = socket->findChild<QTimer*>(u"bge-idle-timer"_s))
            delete timer;
        socket->setParent(nullptr);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
            return socket;
        socket->abort();
        socket->deleteLater();
    }
    return nullptr;
}

void ConnectionPool::give(const QUrl& url, QTcpSocket* socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0 || idleCount() >= kMaxIdle) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    m_idle[originOf(url)].append(socket);
    // A server that closes an idle connection (or sends something unasked) makes it useless.
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { drop(socket); });
    auto* timer = new QTimer(socket);
    timer->setObjectName(u"bge-idle-timer"_s);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] { drop(socket); });
    timer->start(kIdleMs);
}

int ConnectionPool::idleCount() const
{
    int n = 0;
    for (const QList<QTcpSocket*>& sockets : m_idle)
        n += int(sockets.size());
    return n;
}

void ConnectionPool::drop(QTcpSocket* socket)
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        if (it->removeOne(socket)) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            return;
        }
    }
}

} // namespace bge
