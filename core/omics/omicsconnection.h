#pragma once

#include "api/result.h"
#include "aws/awscredentials.h"
#include "awscredentialsprovider.h"
#include "omicsendpoint.h"
#include "omicsrequest.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace bge::omics {

class AwsCredentialsProvider;
class RequestPacer;
struct AwsSettings;

// The one place HealthOmics requests are built and sent: endpoint (host prefixes), region,
// credentials, SigV4, User-Agent, transfer time-out, and the pacer every call of this
// connection shares.
class OmicsConnection final : public QObject
{
    Q_OBJECT
public:
    OmicsConnection(OmicsEndpoint endpoint, QString region, AwsCredentialsProvider* credentials,
                    QNetworkAccessManager* network, QObject* parent = nullptr);

    // From resolved settings: endpoint, region and a credentials provider (owned by the
    // connection). Usage/Authentication errors when the settings are not enough.
    static Result<OmicsConnection*> create(const AwsSettings& settings, QNetworkAccessManager* network,
                                           QObject* parent = nullptr);

    const OmicsEndpoint& endpoint() const { return m_endpoint; }
    const QString& region() const { return m_region; }
    AwsCredentialsProvider* credentials() const { return m_credentials; }
    QNetworkAccessManager* network() const { return m_network; }
    RequestPacer* pacer() const { return m_pacer; }

    // Inactivity time-out of one attempt.
    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }
    int transferTimeoutMs() const { return m_timeoutMs; }
    // Attempts per call (standard mode: 3); 1 turns retries off.
    void setMaxAttempts(int attempts) { m_maxAttempts = std::max(1, attempts); }
    int maxAttempts() const { return m_maxAttempts; }

    QUrl urlFor(const OmicsRequest& request) const;
    // The request of one attempt, signed at `now` (each attempt signs afresh: the service
    // refuses a signature older than 15 minutes). For a streaming transfer engine too: it
    // sends the body itself (UploadReadSetPart) or reads the answer to disk (GetReadSet).
    QNetworkRequest signedRequest(const OmicsRequest& request, const aws::AwsCredentials& credentials,
                                  const QDateTime& now) const;
    // Sends one attempt; the caller owns the reply. `rawBody` for UploadReadSetPart.
    QNetworkReply* send(const OmicsRequest& request, const aws::AwsCredentials& credentials,
                        QIODevice* rawBody) const;

    static QByteArray userAgent();

private:
    OmicsEndpoint m_endpoint;
    QString m_region;
    QPointer<AwsCredentialsProvider> m_credentials;
    QNetworkAccessManager* m_network;
    RequestPacer* m_pacer;
    int m_timeoutMs = 60000;
    int m_maxAttempts = 3;
};

} // namespace bge::omics
