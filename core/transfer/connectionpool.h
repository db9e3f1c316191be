#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTcpSocket;
class QUrl;

namespace bge {

// Open connections kept between requests to the same origin (scheme, host, port), so that the
// parts of an upload do not each pay for a TCP and TLS handshake. A connection waits at most
// kIdleMs and is dropped as soon as the server closes it or sends anything unasked.
class ConnectionPool final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionPool(QObject* parent = nullptr);
    ~ConnectionPool() override;

    // An idle connection to the origin of `url`, now the caller's (no parent), or nullptr.
    QTcpSocket* take(const QUrl& url);
    // Keeps a connection whose last answer was read in full, for the next request to `url`.
    // The caller has disconnected its own slots from it first.
    void give(const QUrl& url, QTcpSocket* socket);
    int idleCount() const;

    static QString originOf(const QUrl& url);

private:
    void drop(QTcpSocket* socket);

    static constexpr int kIdleMs = 30000;
    static constexpr int kMaxIdle = 16;
    QHash<QString, QList<QTcpSocket*>> m_idle;
};

} // namespace bge
