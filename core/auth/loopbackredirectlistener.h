#pragma once

#include "authorizationrequest.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace bge {

// The loopback redirect listener of RFC 8252 §7.3 for native apps: listens on 127.0.0.1
// on a port the system picks, answers the browser's one GET to the redirect path with a
// small page, and reports the code (or error) once. Anything else gets a 404; a client that
// sends a huge or never-ending request is dropped.
class LoopbackRedirectListener final : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(QObject* parent = nullptr);
    ~LoopbackRedirectListener() override;

    // Starts listening; false (with errorString()) when no loopback port could be opened.
    bool listen(const QString& path = QStringLiteral("/callback"));
    void close();
    QString errorString() const { return m_server.errorString(); }
    // http://127.0.0.1:<port>/callback
    QUrl redirectUri() const;

    // The page the browser shows afterwards (title, sentence); translated by the caller.
    void setPageTexts(const QString& successText, const QString& failureText);
    // The state of the request sent to the browser. An answer with another state is still
    // reported (the caller refuses it) but the browser is shown the failure page, not
    // "Signed in": a forged redirect must not look like a successful sign-in.
    void setExpectedState(const QString& state) { m_expectedState = state; }

Q_SIGNALS:
    void responseReceived(const bge::AuthorizationResponse& response);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, int status, const QByteArray& reason, const QString& text);

    QTcpServer m_server;
    QString m_path;
    QString m_successText;
    QString m_failureText;
    QString m_expectedState;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    bool m_delivered = false;
};

} // namespace bge
