#include "tcpgate.h"

#include <QTcpSocket>

namespace bge::test {

TcpGate::TcpGate(const QUrl& target, QObject* parent) : QObject(parent), m_target(target)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpGate::onNewConnection);
}

TcpGate::~TcpGate()
{
    closeAll();
}

bool TcpGate::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TcpGate::url() const
{
    QUrl url = m_target;
    url.setPort(m_server.serverPort());
    return url;
}

void TcpGate::setOpen(bool open)
{
    m_open = open;
    if (!open)
        closeAll(); // kept-alive connections would otherwise still get through
}

void TcpGate::closeAll()
{
    const QList<QTcpSocket*> sockets = m_peers.keys();
    m_peers.clear();
    for (QTcpSocket* s : sockets) {
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

void TcpGate::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        if (!m_open) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto* upstream = new QTcpSocket(this);
        m_peers.insert(client, upstream);
        m_peers.insert(upstream, client);
        const auto pipe = [this](QTcpSocket* from) {
            connect(from, &QTcpSocket::readyRead, this, [this, from] {
                if (QTcpSocket* to = m_peers.value(from))
                    to->write(from->readAll());
            });
            connect(from, &QTcpSocket::disconnected, this, [this, from] {
                QTcpSocket* to = m_peers.take(from);
                if (!to)
                    return;
                m_peers.remove(to);
                to->disconnectFromHost();
                to->deleteLater();
                from->deleteLater();
            });
        };
        pipe(client);
        pipe(upstream);
        // Bytes the client sends before the upstream connection is up wait in its buffer.
        connect(upstream, &QTcpSocket::connected, this, [this, client, upstream] {
            if (m_peers.value(client) == upstream)
                upstream->write(client->readAll());
        });
        upstream->connectToHost(m_target.host(), quint16(m_target.port()));
    }
}

} // namespace bge::test
