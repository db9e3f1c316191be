#pragma once

#include "api/retrypolicy.h"
#include "multipartadapter.h"
#include "ossrequest.h"
#include "uploadcredentials.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace bge {

class ConnectionPool;
class FileBodyRequest;
class FileWindowDevice;

// One signed OSS request of an upload, sent (and sent again) by OssUploadConnection.
struct OssCall
{
    QByteArray method;
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::optional<FileWindow> window;      // a part of a file as the body, opened for each attempt
    std::function<void(qint64)> progress;  // body bytes written by the current attempt
    bool createsUpload = false;            // InitiateMultipartUpload: see stop()
    bool retryTransient = true;            // false: the caller retries (the engine, for parts)
    int attempt = 1;
    int renewals = 0;
    int clockCorrections = 0;              // RequestTimeTooSkewed answers corrected from
    QString accessKeyId;                   // the credentials the last attempt was signed with
    std::function<void(const OssReply&, FileWindowDevice*)> done;
};

// The OSS side of one upload: the STS credentials (renewed before they expire, or when OSS
// refuses them as expired), signing, sending bodies through FileBodyRequest (own sockets) or
// QNetworkAccessManager, retries of transient failures. Every request is for one object key.
class OssUploadConnection final : public QObject
{
    Q_OBJECT
public:
    OssUploadConnection(QNetworkAccessManager* network, UploadCredentials* credentials,
                        OssSignatureVersion signature, RetryPolicy retry, QObject* parent = nullptr);
    ~OssUploadConnection() override;

    // Called when credentials cannot be had: the upload cannot go on.
    void setFatalHandler(std::function<void(const ApiError&)> fatal) { m_fatal = std::move(fatal); }
    void setKey(const QString& key) { m_key = key; }
    // Kept-alive connections shared with the other uploads of a batch (a folder of small files
    // then pays for one TCP and TLS handshake per connection, not one per file); it must outlive
    // this connection. Without it, the connection keeps a pool of its own. Before any send().
    void shareConnections(ConnectionPool* pool);
    const QString& key() const { return m_key; }

    // Calls `then` with valid credentials (renewing them first when they are about to expire).
    void withCredentials(std::function<void()> then);
    const std::optional<UploadTarget>& target() const { return m_target; }
    OssLocation location() const;

    void send(std::shared_ptr<OssCall> call);
    // Stops every request for good; no `done` follows. An InitiateMultipartUpload in flight is
    // awaited (on the network manager) and what it created aborted: no journal names it yet.
    void stop();

    // AbortMultipartUpload, fire and forget: outlives the connection (the reply belongs to the
    // network manager), tried again a few times on transport errors and 5xx.
    static void abortDetached(QNetworkAccessManager* network, const OssLocation& location,
                              const oss::OssCredentials& credentials, const QString& key, const QString& uploadId,
                              int attemptsLeft = 3);
    void abortDetached(const QString& uploadId);

private:
    void renewCredentials();
    void sendDirect(std::shared_ptr<OssCall> call, const QNetworkRequest& request, FileWindowDevice* device);
    // `serverDate`: the answer's Date header, for a clock correction.
    void finishCall(std::shared_ptr<OssCall> call, const OssReply& r, FileWindowDevice* device,
                    const QByteArray& serverDate);

    QNetworkAccessManager* m_network;
    UploadCredentials* m_credentials;
    OssSignatureVersion m_signature;
    RetryPolicy m_retry;
    std::function<void(const ApiError&)> m_fatal;
    QString m_key;
    bool m_stopped = false;

    std::optional<UploadTarget> m_target;
    QDateTime m_targetObtained;
    bool m_renewing = false;
    bool m_targetStale = false; // OSS refused these credentials as expired
    QList<std::function<void()>> m_waitingForCredentials;

    QSet<QNetworkReply*> m_replies;
    QPointer<QNetworkReply> m_initiating; // the InitiateMultipartUpload in flight, if any
    QSet<FileBodyRequest*> m_directRequests;
    ConnectionPool* m_connections = nullptr; // kept-alive connections for the bodies
    QPointer<ConnectionPool> m_sharedConnections; // shareConnections(), instead of m_connections
    bool m_directSockets = true;
};

} // namespace bge
