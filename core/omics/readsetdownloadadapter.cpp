#include "readsetdownloadadapter.h"

#include "awscredentialsprovider.h"
#include "omicsapi.h"
#include "omicsconnection.h"
#include "omicserror.h"
#include "requestpacer.h"
#include "net/tlsrefusal.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace bge::omics {

namespace {

constexpr qint64 kMaxErrorBody = 64 * 1024;

struct PartState
{
    std::function<bool(const char*, qint64)> write;
    std::function<void(const ApiError&)> done;
    QByteArray errorBody;
    bool refused = false; // write() said stop
};

} // namespace

ReadSetDownloadAdapter::ReadSetDownloadAdapter(OmicsConnection* connection, QString storeId,
                                               QString readSetId, QString file)
    : m_connection(connection), m_storeId(std::move(storeId)), m_readSetId(std::move(readSetId)),
      m_file(std::move(file)), m_context(new QObject), m_alive(std::make_shared<bool>(true))
{
}

ReadSetDownloadAdapter::~ReadSetDownloadAdapter()
{
    stop();
    m_context->deleteLater();
}

void ReadSetDownloadAdapter::stop()
{
    // stop() may run inside a signal of the reply it ends (a part's end fails the engine,
    // which stops us): nothing is deleted here. Callbacks are muted, the replies aborted, and
    // the old context goes from the event loop.
    *m_alive = false;
    m_alive = std::make_shared<bool>(true);
    QObject* old = m_context;
    m_context = new QObject;
    for (QNetworkReply* reply : old->findChildren<QNetworkReply*>(Qt::FindDirectChildrenOnly)) {
        if (reply->isRunning())
            reply->abort();
    }
    old->deleteLater();
}

void ReadSetDownloadAdapter::beforePart(std::function<void()> go)
{
    if (!m_connection) {
        go();
        return;
    }
    m_connection->pacer()->schedule(Operation::GetReadSet, m_context, [alive = m_alive, go] {
        if (*alive)
            go();
    });
}

void ReadSetDownloadAdapter::fetchPart(const DownloadPartRequest& part,
                                       std::function<bool(const char*, qint64)> write,
                                       std::function<void(const ApiError&)> done)
{
    QObject* context = m_context;
    const std::shared_ptr<bool> alive = m_alive;
    Result<OmicsRequest> request = OmicsApi::partRequest(m_storeId, m_readSetId, part.number, m_file);
    if (!request || !m_connection || !m_connection->credentials()) {
        const ApiError e =
            request ? ApiError::authentication(u"no AWS credentials provider"_s) : request.error();
        QMetaObject::invokeMethod(
            context,
            [alive, done, e] {
                if (*alive)
                    done(e);
            },
            Qt::QueuedConnection);
        return;
    }
    auto state = std::make_shared<PartState>(PartState{std::move(write), std::move(done), {}, false});
    const QString what = u"GetReadSet %1 part %2"_s.arg(m_file).arg(part.number);
    m_connection->credentials()->acquire(context, [this, alive, context, request = request.value(), state,
                                                   what](const Result<aws::AwsCredentials>& credentials) {
        if (!*alive)
            return;
        if (!credentials) {
            state->done(credentials.error());
            return;
        }
        if (!m_connection) {
            state->done(ApiError::cancelled());
            return;
        }
        QNetworkReply* reply = m_connection->network()->get(
            m_connection->signedRequest(request, credentials.value(), QDateTime::currentDateTimeUtc()));
        reply->setParent(context);
        const auto status = [reply] {
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QObject::connect(reply, &QNetworkReply::readyRead, context, [alive, reply, state, status] {
            if (!*alive || state->refused)
                return;
            const QByteArray chunk = reply->readAll();
            if (status() >= 300) { // an error's body: small, read whole at the end
                if (state->errorBody.size() < kMaxErrorBody)
                    state->errorBody += chunk.left(kMaxErrorBody - state->errorBody.size());
                return;
            }
            if (!state->write(chunk.constData(), chunk.size())) {
                state->refused = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, context, [this, alive, reply, state, status, what] {
            reply->deleteLater();
            if (!*alive)
                return;
            if (state->refused) {
                state->done({}); // the engine already knows why it stopped
                return;
            }
            const int code = status();
            if (code >= 300) {
                state->errorBody += reply->readAll().left(kMaxErrorBody);
                ApiError e = serviceError(code, reply->rawHeader("X-Amzn-Errortype"),
                                          reply->rawHeader("x-amzn-RequestId"), state->errorBody)
                                 .withContext(what);
                const QString c = e.serviceCode();
                // Expired session credentials: renewed, and the engine's next attempt uses them.
                if (isExpiredToken(c) && m_connection &&
                    m_connection->credentials() && m_connection->credentials()->invalidate())
                    e = ApiError::transport(e.fullText());
                state->done(e);
                return;
            }
            if (reply->error() == QNetworkReply::TimeoutError ||
                reply->error() == QNetworkReply::OperationCanceledError) {
                state->done(ApiError::timeout(u"%1: no data in time"_s.arg(what)));
                return;
            }
            if (std::optional<ApiError> tls = net::tlsRefusal(reply))
                return state->done(tls->withContext(what));
            if (reply->error() != QNetworkReply::NoError) {
                state->done(ApiError::transport(u"%1: %2"_s.arg(what, reply->errorString())));
                return;
            }
            const QByteArray rest = reply->readAll();
            if (!rest.isEmpty() && !state->write(rest.constData(), rest.size())) {
                state->done({});
                return;
            }
            state->done({}); // a short part is caught by the engine's byte count
        });
    });
}

} // namespace bge::omics
