#pragma once

#include "apirequest.h"
#include "envelope.h"

#include <QElapsedTimer>
#include <QObject>
#include <QNetworkReply>
#include <QPointer>

#include <functional>

class QNetworkReply;
class QTimer;

namespace bge {

class ApiConnection;

// Carries one ApiRequest to completion: gets a token from the connection's TokenProvider,
// sends, reads the envelope; retries idempotent requests after transport errors and 5xx
// (capped exponential backoff with jitter); after 403 `access_token 已失效或错误` reports the
// token, waits for a fresh one and replays the request once.
class ApiCall final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<Envelope>&)>;

    ApiCall(ApiConnection* connection, ApiRequest request, Callback done, QObject* parent);
    ~ApiCall() override;

    void start();
    void abort();
    int attempts() const { return m_attempts; }

private:
    void acquireTokenAndSend();
    void send(const QString& token);
    void onReplyFinished();
    void onDownloadProgress(qint64 received, qint64 total);
    void onReplyDestroyed();
    void handle(const Result<Envelope>& result);
    void finish(const Result<Envelope>& result);
    ApiError transportError(QNetworkReply* reply) const;

    QPointer<ApiConnection> m_connection;
    ApiRequest m_request;
    Callback m_done;
    // QPointer: a reply dies with its QNetworkAccessManager, without finished().
    QPointer<QNetworkReply> m_reply;
    QTimer* m_retryTimer = nullptr;
    QString m_tokenUsed;
    QByteArray m_requestId;
    QElapsedTimer m_elapsed;
    int m_attempts = 0;
    bool m_replayed = false;
    bool m_tooLarge = false;
    bool m_aborting = false;
    bool m_finished = false;
};

} // namespace bge
