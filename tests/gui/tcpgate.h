#pragma once

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace bge::test {

// A TCP relay on 127.0.0.1 in front of a real server (the sandbox) that a test can close and
// open again: closed, it drops every connection, so clients see the network fail; open, it
// passes bytes through untouched. The sandbox has no fault injection for its API (only for
// object storage), and restarting it would lose its tokens: this gives "the network went
// away, then came back" with the real server behind.
class TcpGate final : public QObject
{
    Q_OBJECT
public:
    explicit TcpGate(const QUrl& target, QObject* parent = nullptr);
    ~TcpGate() override;

    bool listen();
    QUrl url() const;

    void setOpen(bool open);
    bool isOpen() const { return m_open; }

private:
    void onNewConnection();
    void closeAll();

    QUrl m_target;
    QTcpServer m_server;
    QHash<QTcpSocket*, QTcpSocket*> m_peers; // both directions
    bool m_open = true;
};

} // namespace bge::test
