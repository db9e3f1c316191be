#include "ossuploadconnection.h"

#include "connectionpool.h"
#include "filebodyrequest.h"
#include "filewindowdevice.h"
#include "oss/serverclock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bge {

namespace {

constexpr int kMaxRenewalsPerCall = 3;
// A clock can be corrected twice during one call (e.g. the computer's clock is set right while
// the call waits for its retry); more means the server's Date cannot be trusted.
constexpr int kMaxClockCorrectionsPerCall = 2;

// An InitiateMultipartUpload already sent when its job stops may still create an upload on the
// server, which no journal would name: wait for its answer and abort what it created.
void abortWhenInitiated(QNetworkAccessManager* network, QNetworkReply* reply, OssLocation location,
                        oss::OssCredentials credentials, QString key)
{
    QObject::connect(reply, &QNetworkReply::finished, network, [=] {
        const OssReply r = OssReply::read(reply);
        reply->deleteLater();
        const QString uploadId = xmlText(r.body, u"UploadId"_s);
        if (!r.error && !uploadId.isEmpty())
            OssUploadConnection::abortDetached(network, location, credentials, key, uploadId, 3);
    });
}

} // namespace

OssUploadConnection::OssUploadConnection(QNetworkAccessManager* network, UploadCredentials* credentials,
                                         OssSignatureVersion signature, RetryPolicy retry, QObject* parent)
    : QObject(parent), m_network(network), m_credentials(credentials), m_signature(signature), m_retry(retry)
{
    // A diagnostic switch, not a setting: BGE_UPLOAD_TRANSPORT=qt sends the bodies through
    // QNetworkAccessManager as before FileBodyRequest existed (to compare, or to rule it out).
    m_directSockets = qEnvironmentVariable("BGE_UPLOAD_TRANSPORT") != u"qt"_s;
    m_connections = new ConnectionPool(this);
}

OssUploadConnection::~OssUploadConnection()
{
    stop();
}

void OssUploadConnection::shareConnections(ConnectionPool* pool)
{
    m_sharedConnections = pool;
}

OssLocation OssUploadConnection::location() const
{
    return {QUrl(m_target->endpoint), m_target->bucket, m_target->region, m_signature};
}

void OssUploadConnection::abortDetached(QNetworkAccessManager* network, const OssLocation& location,
                                        const oss::OssCredentials& credentials, const QString& key,
                                        const QString& uploadId, int attemptsLeft)
{
    const QNetworkRequest request = signedOssRequest(location, credentials, "DELETE", key,
                                                     {{u"uploadId"_s, uploadId}}, {},
                                                     oss::ServerClock::now(location.endpoint));
    QNetworkReply* reply = network->deleteResource(request);
    QObject::connect(reply, &QNetworkReply::finished, network, [=] {
        const OssReply r = OssReply::read(reply);
        reply->deleteLater();
        if (r.error && r.error.isRetryable() && attemptsLeft > 1) {
            QTimer::singleShot(1000, network, [=] {
                abortDetached(network, location, credentials, key, uploadId, attemptsLeft - 1);
            });
        }
    });
}

void OssUploadConnection::abortDetached(const QString& uploadId)
{
    if (m_target && !uploadId.isEmpty())
        abortDetached(m_network, location(), m_target->credentials, m_key, uploadId, 3);
}

void OssUploadConnection::stop()
{
    m_stopped = true;
    m_waitingForCredentials.clear();
    const QSet<QNetworkReply*> replies = std::exchange(m_replies, {});
    for (QNetworkReply* reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        if (reply == m_initiating && m_target) {
            abortWhenInitiated(m_network, reply, location(), m_target->credentials, m_key);
            continue;
        }
        reply->abort();
        reply->deleteLater();
    }
    const QSet<FileBodyRequest*> direct = std::exchange(m_directRequests, {});
    for (FileBodyRequest* request : direct) {
        disconnect(request, nullptr, this, nullptr);
        request->abort();
        request->deleteLater();
    }
}

// --- credentials -----------------------------------------------------------------------------

void OssUploadConnection::withCredentials(std::function<void()> then)
{
    if (m_stopped)
        return;
    if (m_target && !m_targetStale) {
        // The expiry is the server's time: compared with the corrected clock, a computer whose
        // clock is hours ahead does not renew before every request.
        const QDateTime& expiration = m_target->credentials.expiration;
        if (!expiration.isValid() ||
            oss::ServerClock::now(QUrl(m_target->endpoint)).addSecs(renewalMarginSeconds(m_targetObtained, expiration)) <
                expiration) {
            then();
            return;
        }
    }
    m_waitingForCredentials.append(std::move(then));
    renewCredentials();
}

void OssUploadConnection::renewCredentials()
{
    if (m_renewing)
        return;
    m_renewing = true;
    m_credentials->acquire(this, m_target.has_value(), [this](const Result<UploadTarget>& target) {
        m_renewing = false;
        if (m_stopped)
            return;
        if (!target.ok()) {
            m_fatal(target.error().withContext(u"upload credentials"_s));
            return;
        }
        if (m_target && !m_target->destination.isEmpty() && target->destination != m_target->destination) {
            m_fatal(ApiError::malformed(u"the renewed upload credentials are for another destination"_s));
            return;
        }
        m_target = target.value();
        m_targetObtained = oss::ServerClock::now(QUrl(m_target->endpoint));
        m_targetStale = false;
        const QList<std::function<void()>> waiting = std::exchange(m_waitingForCredentials, {});
        for (const auto& then : waiting) {
            if (m_stopped)
                return;
            then();
        }
    });
}

// --- requests --------------------------------------------------------------------------------

void OssUploadConnection::send(std::shared_ptr<OssCall> call)
{
    withCredentials([this, call] {
        QList<QPair<QByteArray, QByteArray>> headers = call->headers;
        FileWindowDevice* device = nullptr;
        if (call->window) {
            QString why;
            std::unique_ptr<FileWindowDevice> opened = call->window->open(&why);
            if (!opened) {
                OssReply failed;
                failed.error = ApiError::usage(u"Cannot read %1: %2"_s.arg(call->window->path, why));
                call->done(failed, nullptr);
                return;
            }
            device = opened.release();
            headers.append(qMakePair("Content-Length", QByteArray::number(call->window->length)));
        }
        call->accessKeyId = m_target->credentials.accessKeyId;
        QNetworkRequest request = signedOssRequest(location(), m_target->credentials, call->method, m_key, call->query,
                                                   headers, oss::ServerClock::now(QUrl(m_target->endpoint)));
        // Bodies, and the HEAD of a name check (one per file of a folder of small files: through
        // QNetworkAccessManager it cost more CPU than the file's PUT), go on the kept sockets.
        const bool direct = device || call->method == "HEAD";
        if (direct && m_directSockets && FileBodyRequest::canSendDirectly(request.url(), m_network)) {
            sendDirect(call, request, device);
            return;
        }
        QNetworkReply* reply = nullptr;
        if (call->method == "HEAD")
            reply = m_network->head(request);
        else if (call->method == "GET")
            reply = m_network->get(request);
        else if (call->method == "DELETE")
            reply = m_network->deleteResource(request);
        else if (device)
            reply = m_network->sendCustomRequest(request, call->method, device);
        else
            reply = m_network->sendCustomRequest(request, call->method, call->body);
        if (device)
            device->setParent(reply);
        m_replies.insert(reply);
        if (call->createsUpload)
            m_initiating = reply;
        if (call->progress)
            connect(reply, &QNetworkReply::uploadProgress, this, [call](qint64 sent, qint64) { call->progress(sent); });
        connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
            m_replies.remove(reply);
            reply->deleteLater();
            finishCall(call, OssReply::read(reply), reply->findChild<FileWindowDevice*>(), reply->rawHeader("Date"));
        });
    });
}

void OssUploadConnection::sendDirect(std::shared_ptr<OssCall> call, const QNetworkRequest& request,
                                     FileWindowDevice* device)
{
    ConnectionPool* pool = m_sharedConnections ? m_sharedConnections.data() : m_connections;
    auto* direct = new FileBodyRequest(pool, request, call->method, device, this);
    direct->setRoute(FileBodyRequest::routeFor(request.url(), m_network)); // the manager's, as decided
    m_directRequests.insert(direct);
    if (call->progress) {
        connect(direct, &FileBodyRequest::uploadProgress, this,
                [call](qint64 sent, qint64) { call->progress(sent); });
    }
    connect(direct, &FileBodyRequest::finished, this, [this, call, direct] {
        m_directRequests.remove(direct);
        direct->deleteLater();
        finishCall(call, OssReply::read(direct->response(), direct->error()), direct->body(),
                   direct->error() ? QByteArray() : direct->response().header("Date"));
    });
    direct->start();
}

void OssUploadConnection::finishCall(std::shared_ptr<OssCall> call, const OssReply& r, FileWindowDevice* device,
                                     const QByteArray& serverDate)
{
    if (r.error) {
        // More than 15 minutes between our clock and the server's: correct ours from the
        // server's Date (kept for the endpoint, so every later signature uses it) and send the
        // call again at once. Nothing was stored: the refusal comes before the body is read.
        if (r.code == u"RequestTimeTooSkewed"_s && call->clockCorrections < kMaxClockCorrectionsPerCall && m_target &&
            oss::ServerClock::learn(QUrl(m_target->endpoint), serverDate)) {
            ++call->clockCorrections;
            if (call->progress)
                call->progress(0);
            send(call);
            return;
        }
        if (isCredentialExpiry(r.code) && call->renewals < kMaxRenewalsPerCall) {
            ++call->renewals;
            if (m_target && m_target->credentials.accessKeyId == call->accessKeyId)
                m_targetStale = true;
            send(call);
            return;
        }
        if (call->retryTransient && r.error.isRetryable() && call->attempt < m_retry.maxAttempts) {
            ++call->attempt;
            if (call->progress)
                call->progress(0);
            QTimer::singleShot(m_retry.delayBeforeAttempt(call->attempt), this, [this, call] {
                if (!m_stopped)
                    send(call);
            });
            return;
        }
    }
    call->done(r, device);
}

} // namespace bge
