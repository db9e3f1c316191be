#include "apicall.h"

#include "apiconnection.h"
#include "tokenprovider.h"
#include "net/tlsrefusal.h"
#include "net/transportpolicy.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace bge {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "bge.api", QtInfoMsg)

ApiCall::ApiCall(ApiConnection* connection, ApiRequest request, Callback done, QObject* parent)
    : QObject(parent), m_connection(connection), m_request(std::move(request)), m_done(std::move(done))
{
    m_requestId = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start()
{
    m_elapsed.start();
    acquireTokenAndSend();
}

void ApiCall::abort()
{
    m_finished = true; // no callback after an abort: the owning job reports Cancelled
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        m_aborting = true;
        m_reply->abort();
    }
}

void ApiCall::acquireTokenAndSend()
{
    if (m_finished)
        return;
    if (!m_connection)
        return finish(ApiError::cancelled());
    if (m_request.auth == ApiRequest::Auth::None)
        return send({});
    TokenProvider* tokens = m_connection->tokenProvider();
    if (!tokens)
        return finish(ApiError::authentication(u"no session: sign in first"_s));
    tokens->acquireToken(this, [this](const QString& token, const ApiError& error) {
        if (m_finished)
            return;
        if (error)
            return finish(error);
        send(token);
    });
}

void ApiCall::send(const QString& token)
{
    if (m_finished || !m_connection)
        return;
    // Bearer tokens and client secrets never cross the network in clear text, whoever built
    // the connection: http:// only to this computer.
    const QUrl base = m_connection->baseUrl();
    if (!net::isSecureOrLocal(base))
        return finish(ApiError::usage(u"refusing to send to %1://%2: only https://, or http:// to this computer"_s
                                          .arg(base.scheme(), base.host())));
    ++m_attempts;
    m_tokenUsed = token;
    m_tooLarge = false;
    m_reply = m_connection->send(m_request, token, m_requestId);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiCall::onDownloadProgress);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    connect(m_reply, &QObject::destroyed, this, &ApiCall::onReplyDestroyed);
}

void ApiCall::onReplyDestroyed()
{
    // Only reached when the reply went away without finished(): its network access manager
    // was deleted under it (the owner shutting down). Report it rather than wait forever.
    if (m_finished)
        return;
    finish(ApiError::transport(u"the network connection was closed before an answer arrived"_s));
}

void ApiCall::onDownloadProgress(qint64 received, qint64 total)
{
    if (received > kMaxResponseBytes || total > kMaxResponseBytes) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

ApiError ApiCall::transportError(QNetworkReply* reply) const
{
    if (std::optional<ApiError> tls = net::tlsRefusal(reply))
        return *tls;
    const QString what = u"%1 (Qt error %2)"_s.arg(reply->errorString()).arg(int(reply->error()));
    if (reply->error() == QNetworkReply::TimeoutError
        || (reply->error() == QNetworkReply::OperationCanceledError && !m_aborting))
        return ApiError::timeout(u"no data for %1 ms"_s.arg(m_connection ? m_connection->transferTimeoutMs() : 0));
    return ApiError::transport(what);
}

void ApiCall::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    if (m_finished)
        return;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_tooLarge)
        return handle(ApiError::malformed(u"the response exceeds the %1-byte limit"_s.arg(kMaxResponseBytes)));
    // The transfer time-out cancels the reply, before or after the headers arrived.
    const bool timedOut = reply->error() == QNetworkReply::TimeoutError
                          || (reply->error() == QNetworkReply::OperationCanceledError && !m_aborting);
    if (timedOut)
        return handle(transportError(reply));
    // A reply with an HTTP status but a network error code (e.g. 404 → ContentNotFoundError)
    // is an HTTP answer; one without a status never got an answer.
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return handle(transportError(reply));
    HttpAnswer answer{status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll(),
                      m_request.sensitiveAnswer};
    if (status >= 300 && status < 400)
        return handle(ApiError::http(status, u"unexpected redirect to %1"_s.arg(
                                                  reply->header(QNetworkRequest::LocationHeader).toUrl().host())));
    // Truncated body: the connection dropped before Content-Length bytes arrived.
    if (reply->error() != QNetworkReply::NoError && status < 400)
        return handle(ApiError::transport(u"the connection broke while reading the response: %1"_s.arg(reply->errorString())));
    handle(parseEnvelope(answer));
}

void ApiCall::handle(const Result<Envelope>& result)
{
    const ApiError& error = result.error();
    qCDebug(lcApi).noquote() << m_requestId << m_request.describe() << "attempt" << m_attempts << "→"
                             << (error ? ApiError::kindName(error.kind()) + u' ' + QString::number(error.apiCode() ? error.apiCode() : error.httpStatus())
                                       : u"ok"_s)
                             << m_elapsed.elapsed() << "ms";
    if (!error)
        return finish(result);

    if (error.isTokenRejected() && m_request.auth == ApiRequest::Auth::Bearer && !m_replayed && m_connection
        && m_connection->tokenProvider()) {
        m_replayed = true;
        m_connection->tokenProvider()->tokenRejected(m_tokenUsed);
        return acquireTokenAndSend();
    }

    const RetryPolicy& policy = m_connection ? m_connection->retryPolicy() : RetryPolicy::none();
    if (error.isRetryable() && m_request.idempotent && m_attempts < policy.maxAttempts) {
        const int delay = policy.delayBeforeAttempt(m_attempts + 1);
        qCInfo(lcApi).noquote() << m_requestId << m_request.describe() << "retrying in" << delay << "ms after"
                                << ApiError::kindName(error.kind()) << error.detail().left(120);
        if (!m_retryTimer) {
            m_retryTimer = new QTimer(this);
            m_retryTimer->setSingleShot(true);
            connect(m_retryTimer, &QTimer::timeout, this, &ApiCall::acquireTokenAndSend);
        }
        m_retryTimer->start(delay);
        return;
    }
    finish(error.withContext(m_request.describe()));
}

void ApiCall::finish(const Result<Envelope>& result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_done)
        m_done(result);
}

} // namespace bge
