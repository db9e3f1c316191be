#include "omicscall.h"

#include "awscredentialsprovider.h"
#include "omicsconnection.h"
#include "omicserror.h"
#include "omicsjob.h"
#include "omicsretry.h"
#include "requestpacer.h"
#include "net/tlsrefusal.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

namespace bge::omics {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOmics, "bge.omics", QtInfoMsg)

OmicsCall::OmicsCall(OmicsConnection* connection, OmicsRequest request, Callback done, QObject* parent)
    : QObject(parent), m_connection(connection), m_request(std::move(request)), m_done(std::move(done))
{
}

OmicsCall::~OmicsCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OmicsCall::start()
{
    m_elapsed.start();
    acquireCredentials();
}

void OmicsCall::abort()
{
    m_finished = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        m_aborting = true;
        m_reply->abort();
    }
}

void OmicsCall::acquireCredentials()
{
    if (m_finished)
        return;
    if (!m_connection || !m_connection->credentials())
        return finish(ApiError::authentication(u"no AWS credentials provider"_s));
    m_connection->credentials()->acquire(this, [this](const Result<aws::AwsCredentials>& credentials) {
        if (m_finished)
            return;
        if (!credentials)
            return finish(credentials.error());
        if (!m_connection)
            return finish(ApiError::cancelled());
        m_connection->pacer()->schedule(m_request.operation, this,
                                        [this, c = credentials.value()] { send(c); });
    });
}

void OmicsCall::send(const aws::AwsCredentials& credentials)
{
    if (m_finished)
        return;
    if (!m_connection)
        return finish(ApiError::cancelled());
    ++m_attempts;
    m_tooLarge = false;
    if (m_body) {
        m_body->deleteLater();
        m_body = nullptr;
    }
    if (m_request.rawBody) {
        m_body = m_request.rawBody(this);
        if (!m_body || !m_body->isOpen())
            return finish(ApiError::usage(u"%1: the part's data cannot be read"_s.arg(m_request.describe())));
    }
    m_reply = m_connection->send(m_request, credentials, m_body);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &OmicsCall::onDownloadProgress);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &OmicsCall::uploadProgress);
    connect(m_reply, &QNetworkReply::finished, this, &OmicsCall::onReplyFinished);
}

void OmicsCall::onDownloadProgress(qint64 received, qint64 total)
{
    if (m_reply && (received > m_request.maxResponseBytes || total > m_request.maxResponseBytes)) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

void OmicsCall::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    if (m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_tooLarge)
        return handle(
            ApiError::malformed(u"the answer exceeds the %1-byte limit"_s.arg(m_request.maxResponseBytes)));
    const bool timedOut = reply->error() == QNetworkReply::TimeoutError ||
                          (reply->error() == QNetworkReply::OperationCanceledError && !m_aborting);
    if (timedOut)
        return handle(ApiError::timeout(
            u"no data for %1 ms"_s.arg(m_connection ? m_connection->transferTimeoutMs() : 0)));
    if (std::optional<ApiError> tls = net::tlsRefusal(reply))
        return handle(*tls);
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return handle(
            ApiError::transport(u"%1 (Qt error %2)"_s.arg(reply->errorString()).arg(int(reply->error()))));
    const QByteArray body = reply->readAll();
    const QByteArray requestId = reply->rawHeader("x-amzn-RequestId");
    if (status >= 300 && status < 400)
        return handle(ApiError::http(status, u"unexpected redirect"_s));
    if (status >= 400)
        return handle(serviceError(status, reply->rawHeader("X-Amzn-Errortype"), requestId, body));
    // A 2xx whose body broke off is not an answer.
    if (reply->error() != QNetworkReply::NoError)
        return handle(ApiError::transport(
            u"the connection broke while reading the answer: %1"_s.arg(reply->errorString())));
    if (status < 200)
        return handle(ApiError::http(status, u"unexpected HTTP status"_s));
    OmicsResponse response;
    response.status = status;
    response.body = body;
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.requestId = QString::fromLatin1(requestId.left(100));
    handle(response);
}

void OmicsCall::handle(const Result<OmicsResponse>& result)
{
    const ApiError& error = result.error();
    qCDebug(lcOmics).noquote() << m_request.describe() << "attempt" << m_attempts << "→"
                               << (error ? ApiError::kindName(error.kind()) + u' ' + error.serviceCode() +
                                               u' ' + QString::number(error.httpStatus())
                                         : u"ok"_s)
                               << m_elapsed.elapsed() << "ms";
    if (!error)
        return finish(result);

    const QString code = error.serviceCode();
    if (isExpiredToken(code) && !m_renewed && m_connection &&
        m_connection->credentials() && m_connection->credentials()->invalidate()) {
        m_renewed = true;
        return acquireCredentials();
    }
    const StandardRetry::Class kind = StandardRetry::classify(error);
    const int maxAttempts = m_connection ? m_connection->maxAttempts() : 1;
    if (kind != StandardRetry::Class::Final && operationInfo(m_request.operation).retryable &&
        m_attempts < maxAttempts) {
        const int delay = StandardRetry::delayMs(m_attempts);
        qCInfo(lcOmics).noquote() << m_request.describe() << "retrying in" << delay << "ms after"
                                  << (code.isEmpty() ? ApiError::kindName(error.kind()) : code);
        if (!m_retryTimer) {
            m_retryTimer = new QTimer(this);
            m_retryTimer->setSingleShot(true);
            connect(m_retryTimer, &QTimer::timeout, this, &OmicsCall::acquireCredentials);
        }
        m_retryTimer->start(delay);
        return;
    }
    finish(error.withContext(m_request.describe()));
}

void OmicsCall::finish(const Result<OmicsResponse>& result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_body) {
        m_body->deleteLater();
        m_body = nullptr;
    }
    if (m_done)
        m_done(result);
}

} // namespace bge::omics

namespace bge::omics {

Result<QJsonObject> jsonObject(const OmicsResponse& response)
{
    if (response.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::malformed(
            u"the answer is not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return ApiError::malformed(u"the answer is not a JSON object"_s);
    return document.object();
}

} // namespace bge::omics
