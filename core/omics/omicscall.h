#pragma once

#include "api/result.h"
#include "aws/awscredentials.h"
#include "omicsrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QIODevice;
class QNetworkReply;
class QTimer;

namespace bge::omics {

class OmicsConnection;

// A 2xx answer.
struct OmicsResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QString requestId;
};

// Carries one OmicsRequest to completion: credentials, a slot from the connection's pacer,
// a fresh signature per attempt, and AWS standard retries (transient errors and throttling,
// rand(0,1) * min(2^attempt, 20) s) for operations the table marks retryable. After an
// ExpiredToken answer it renews refreshable credentials once and tries again.
class OmicsCall final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<OmicsResponse>&)>;

    OmicsCall(OmicsConnection* connection, OmicsRequest request, Callback done, QObject* parent);
    ~OmicsCall() override;

    void start();
    void abort(); // no callback after it
    int attempts() const { return m_attempts; }
    const OmicsRequest& request() const { return m_request; }

Q_SIGNALS:
    // Bytes of the body sent in the current attempt (a retry starts again from 0).
    void uploadProgress(qint64 sent, qint64 total);

private:
    void acquireCredentials();
    void send(const aws::AwsCredentials& credentials);
    void onReplyFinished();
    void onDownloadProgress(qint64 received, qint64 total);
    void handle(const Result<OmicsResponse>& result);
    void finish(const Result<OmicsResponse>& result);

    QPointer<OmicsConnection> m_connection;
    OmicsRequest m_request;
    Callback m_done;
    QPointer<QNetworkReply> m_reply;
    QIODevice* m_body = nullptr;
    QTimer* m_retryTimer = nullptr;
    QElapsedTimer m_elapsed;
    int m_attempts = 0;
    bool m_tooLarge = false;
    bool m_aborting = false;
    bool m_renewed = false;
    bool m_finished = false;
};

} // namespace bge::omics
