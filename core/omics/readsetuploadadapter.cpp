#include "readsetuploadadapter.h"

#include "awscredentialsprovider.h"
#include "omicsapi.h"
#include "omicscall.h"
#include "omicsconnection.h"
#include "omicserror.h"
#include "omicsjob.h"
#include "requestpacer.h"
#include "transfer/connectionpool.h"
#include "transfer/filebodyrequest.h"
#include "transfer/filewindowdevice.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bge::omics {

namespace {

// The reply of a part sent on our own socket, read like OmicsCall reads Qt's.
UploadPartReply readPartReply(const FileBodyRequest& request, const QString& what)
{
    UploadPartReply reply;
    if (request.error()) {
        reply.error = request.error().withContext(what);
        return reply;
    }
    const HttpResponseParser& r = request.response();
    if (r.status() >= 300) {
        reply.error =
            serviceError(r.status(), r.header("X-Amzn-Errortype"), r.header("x-amzn-RequestId"), r.body())
                .withContext(what);
        return reply;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(r.body(), &parseError);
    const Result<UploadedPart> part =
        document.isObject() ? UploadedPart::fromJson(document.object())
                            : Result<UploadedPart>(ApiError::malformed(u"the answer is not a JSON object"_s));
    if (!part) {
        reply.error = part.error().withContext(what);
        return reply;
    }
    reply.receipt = part.value().checksum;
    return reply;
}

} // namespace

ReadSetUploadAdapter::ReadSetUploadAdapter(OmicsConnection* connection, QString storeId,
                                           CreateUploadInput input)
    : m_connection(connection), m_api(std::make_unique<OmicsApi>(connection)), m_storeId(std::move(storeId)),
      m_input(std::move(input)), m_context(new QObject), m_alive(std::make_shared<bool>(true)),
      m_pool(std::make_unique<ConnectionPool>())
{
    if (m_input.clientToken.isEmpty())
        m_input.clientToken = OmicsApi::newClientToken();
}

ReadSetUploadAdapter::~ReadSetUploadAdapter()
{
    stop();
    m_context->deleteLater();
}

QString ReadSetUploadAdapter::protocol() const
{
    return u"healthomics-readset"_s;
}

QString ReadSetUploadAdapter::partSource(int source)
{
    return u"SOURCE%1"_s.arg(source);
}

bool ReadSetUploadAdapter::direct() const
{
    // A diagnostic switch shared with OSS uploads: BGE_UPLOAD_TRANSPORT=qt sends every body
    // through QNetworkAccessManager.
    if (!m_connection || qEnvironmentVariable("BGE_UPLOAD_TRANSPORT") == u"qt"_s)
        return false;
    OmicsRequest probe;
    probe.operation = Operation::UploadReadSetPart;
    probe.path = "/";
    return FileBodyRequest::canSendDirectly(m_connection->urlFor(probe), m_connection->network());
}

void ReadSetUploadAdapter::stop()
{
    if (m_createOrphaned) {
        *m_createOrphaned = true; // the Create job outlives us and aborts what it made
        m_createOrphaned.reset();
    }
    // stop() may run inside a signal of one of the requests it ends (a part's answer fails the
    // engine, which stops us): nothing is deleted here. The old context's requests are
    // aborted, their callbacks muted, and it goes from the event loop.
    *m_alive = false;
    m_alive = std::make_shared<bool>(true);
    QObject* old = m_context;
    m_context = new QObject;
    for (FileBodyRequest* request : old->findChildren<FileBodyRequest*>(Qt::FindDirectChildrenOnly))
        request->abort();
    old->deleteLater();
}

template<typename Reply>
void ReadSetUploadAdapter::answerLater(std::function<void(const Reply&)> done, Reply reply)
{
    // Every answer is asynchronous, the engine counts on it.
    QMetaObject::invokeMethod(
        m_context,
        [alive = m_alive, done, reply] {
            if (*alive)
                done(reply);
        },
        Qt::QueuedConnection);
}

void ReadSetUploadAdapter::initiate(std::function<void(const InitiateReply&)> done)
{
    // A token that already made an upload would make the service answer that one again.
    if (m_tokenSpent)
        m_input.clientToken = OmicsApi::newClientToken();
    if (m_hooks.creating) {
        if (const ApiError e = m_hooks.creating(m_input.clientToken)) {
            answerLater<InitiateReply>(std::move(done), {e, {}});
            return;
        }
    }
    auto orphaned = std::make_shared<bool>(false);
    m_createOrphaned = orphaned;
    Job<ReadSetUpload>* job = m_api->createUpload(m_storeId, m_input);
    // Not parented to m_context: after stop() its answer must still be heard (see above).
    const QString store = m_storeId;
    QPointer<OmicsConnection> connection = m_connection;
    QObject::connect(job, &JobBase::finished, job, [this, job, orphaned, store, connection, done] {
        const Result<ReadSetUpload> r = job->outcome();
        if (*orphaned) {
            if (r && connection) // nobody will ever name this upload: don't leave it behind
                OmicsApi(connection).abortUpload(store, r.value().uploadId)->start();
            return;
        }
        m_createOrphaned.reset();
        if (!r) {
            done({r.error(), {}});
            return;
        }
        m_tokenSpent = true;
        if (m_hooks.created) {
            if (const ApiError e = m_hooks.created(r.value())) {
                abandon(r.value().uploadId); // nothing could name it for a rerun
                done({e, {}});
                return;
            }
        }
        done({{}, r.value().uploadId});
    });
    job->start();
}

void ReadSetUploadAdapter::beforePart(std::function<void()> go)
{
    // Through Qt the part is an OmicsCall, which takes its own slot of the pacer.
    if (!m_connection || !direct()) {
        go();
        return;
    }
    m_connection->pacer()->schedule(Operation::UploadReadSetPart, m_context, [alive = m_alive, go] {
        if (*alive)
            go();
    });
}

void ReadSetUploadAdapter::uploadPart(const UploadPartRequest& part, std::function<void(qint64)> sent,
                                      std::function<void(const UploadPartReply&)> done)
{
    if (direct())
        sendPartDirect(part, std::move(sent), std::move(done));
    else
        sendPartThroughQt(part, std::move(sent), std::move(done));
}

void ReadSetUploadAdapter::sendPartDirect(const UploadPartRequest& part, std::function<void(qint64)> sent,
                                          std::function<void(const UploadPartReply&)> done)
{
    Result<OmicsRequest> request = OmicsApi::uploadPartRequest(
        m_storeId, part.uploadId, partSource(part.source), part.number, part.window.length);
    if (!request) {
        QMetaObject::invokeMethod(
            m_context,
            [alive = m_alive, done, e = request.error()] {
                if (*alive)
                    done({e, {}, 0, false, {}});
            },
            Qt::QueuedConnection);
        return;
    }
    // signedRequest signs UNSIGNED-PAYLOAD and states the Content-Length only for a raw body.
    request.value().rawBody = [](QObject*) -> QIODevice* { return nullptr; };
    const QString what = u"UploadReadSetPart %1 part %2"_s.arg(partSource(part.source)).arg(part.number);
    QObject* context = m_context;
    m_connection->credentials()->acquire(context, [this, alive = m_alive, context, request = request.value(),
                                                   window = part.window, what, sent,
                                                   done](const Result<aws::AwsCredentials>& credentials) {
        if (!*alive)
            return;
        if (!credentials) {
            done({credentials.error(), {}, 0, false, {}});
            return;
        }
        if (!m_connection) {
            done({ApiError::cancelled(), {}, 0, false, {}});
            return;
        }
        QString problem;
        std::unique_ptr<FileWindowDevice> device = window.open(&problem);
        if (!device) {
            done({ApiError::usage(u"%1: %2"_s.arg(window.path, problem)), {}, 0, false, {}});
            return;
        }
        const QNetworkRequest signedRequest =
            m_connection->signedRequest(request, credentials.value(), QDateTime::currentDateTimeUtc());
        auto* body = new FileBodyRequest(m_pool.get(), signedRequest, "PUT", device.release(), context);
        body->setRoute(FileBodyRequest::routeFor(signedRequest.url(), m_connection->network()));
        QObject::connect(body, &FileBodyRequest::uploadProgress, context,
                         [alive, sent](qint64 bytes, qint64) {
                             if (*alive)
                                 sent(bytes);
                         });
        QObject::connect(body, &FileBodyRequest::finished, context, [this, alive, body, what, done] {
            body->deleteLater();
            if (!*alive)
                return;
            const UploadPartReply reply = readPartReply(*body, what);
            // An expired session token: renewed for the engine's next attempt.
            const QString code = reply.error.serviceCode();
            if (isExpiredToken(code) && m_connection &&
                m_connection->credentials() && m_connection->credentials()->invalidate()) {
                UploadPartReply retry = reply;
                retry.error = ApiError::transport(reply.error.fullText());
                done(retry);
                return;
            }
            done(reply);
        });
        body->start();
    });
}

void ReadSetUploadAdapter::sendPartThroughQt(const UploadPartRequest& part, std::function<void(qint64)> sent,
                                             std::function<void(const UploadPartReply&)> done)
{
    const FileWindow window = part.window;
    Job<UploadedPart>* job = m_api->uploadPart(
        m_storeId, part.uploadId, partSource(part.source), part.number,
        [window](QObject* parent) -> QIODevice* {
            std::unique_ptr<FileWindowDevice> device = window.open(nullptr);
            if (!device)
                return nullptr; // OmicsCall reports the part unreadable
            device->setParent(parent);
            return device.release();
        },
        window.length);
    job->setParent(m_context);
    job->run(m_context, [alive = m_alive, done](const Result<UploadedPart>& r) {
        if (!*alive)
            return;
        if (!r)
            done({r.error(), {}, 0, false, {}});
        else
            done({{}, r.value().checksum, 0, false, {}});
    });
    // The call exists once the job has started (it is refused at once without one).
    if (auto* omicsJob = dynamic_cast<OmicsJob<UploadedPart>*>(job); omicsJob && omicsJob->call())
        QObject::connect(omicsJob->call(), &OmicsCall::uploadProgress, m_context,
                         [alive = m_alive, sent](qint64 bytes, qint64) {
                             if (*alive)
                                 sent(bytes);
                         });
}

void ReadSetUploadAdapter::listParts(const QString& uploadId, int source,
                                     std::function<void(const ListPartsReply&)> done)
{
    listPage(uploadId, source, {}, {}, std::move(done));
}

void ReadSetUploadAdapter::listPage(const QString& uploadId, int source, const QString& token,
                                    QList<UploadJournal::Part> found,
                                    std::function<void(const ListPartsReply&)> done)
{
    ListOptions options;
    options.maxResults = 100;
    options.nextToken = token;
    Job<OmicsPage<ReadSetUploadPart>>* job =
        m_api->listUploadParts(m_storeId, uploadId, partSource(source), {}, options);
    job->setParent(m_context);
    job->run(m_context, [this, alive = m_alive, uploadId, source, token, found,
                         done](const Result<OmicsPage<ReadSetUploadPart>>& r) mutable {
        if (!*alive)
            return;
        ListPartsReply reply;
        if (!r) {
            // Aborted, completed or expired on the server (or the whole store gone): start over.
            reply.uploadGone = r.error().serviceCode() == u"ResourceNotFoundException"_s;
            reply.error = r.error();
            done(reply);
            return;
        }
        for (const ReadSetUploadPart& p : r.value().items)
            found.append({p.partNumber, p.checksum, 0, p.partSize, source});
        const QString next = r.value().nextToken;
        if (!next.isEmpty() && next != token) {
            listPage(uploadId, source, next, found, done);
            return;
        }
        reply.parts = found;
        done(reply);
    });
}

void ReadSetUploadAdapter::complete(const QString& uploadId, const QList<UploadJournal::Part>& parts,
                                    std::function<void(const CompleteReply&)> done)
{
    if (m_hooks.completing) {
        if (const ApiError e = m_hooks.completing(uploadId)) {
            answerLater<CompleteReply>(std::move(done), {e, false, {}});
            return;
        }
    }
    QList<CompletedPart> completed;
    completed.reserve(parts.size());
    for (const UploadJournal::Part& p : parts)
        completed.append({partSource(p.source), p.number, p.receipt});
    Job<CompletedUpload>* job = m_api->completeUpload(m_storeId, uploadId, completed);
    job->setParent(m_context);
    job->run(m_context, [this, alive = m_alive, done](const Result<CompletedUpload>& r) {
        if (!*alive)
            return;
        if (!r) {
            m_completeRefusedParts = refusesParts(r.error());
            done({r.error(), m_completeRefusedParts, {}});
            return;
        }
        if (r.value().readSetId.isEmpty()) {
            done({ApiError::malformed(u"CompleteMultipartReadSetUpload named no read set"_s), false, {}});
            return;
        }
        done({{}, false, r.value().readSetId});
    });
}

void ReadSetUploadAdapter::abortUpload(const QString& uploadId, std::function<void()> done)
{
    Job<Done>* job = m_api->abortUpload(m_storeId, uploadId);
    job->setParent(m_context);
    job->run(m_context, [alive = m_alive, done](const Result<Done>&) {
        if (*alive)
            done();
    });
}

void ReadSetUploadAdapter::abandon(const QString& uploadId)
{
    if (uploadId.isEmpty() || !m_connection)
        return;
    // Parented to nothing: it outlives the adapter and deletes itself (OmicsCall retries it).
    m_api->abortUpload(m_storeId, uploadId)->start();
}

bool ReadSetUploadAdapter::refusesParts(const ApiError& error)
{
    if (error.kind() != ApiError::Kind::Service || error.serviceCode() != u"ValidationException"_s)
        return false;
    // The service's own words (not our context, which names "Multipart…" operations).
    const QString said = error.apiMessage().toLower();
    return said.contains(u"checksum"_s) || said.contains(u"part"_s);
}

bool ReadSetUploadAdapter::discardsUpload(const ApiError& error) const
{
    if (error.kind() != ApiError::Kind::Service)
        return MultipartAdapter::discardsUpload(error);
    // The upload (or its store) is gone, or Complete refused the parts we listed: nothing of
    // this upload can become a read set. Throttling, 5xx, time-outs and any other refusal
    // keep it for a rerun.
    if (error.serviceCode() == u"ResourceNotFoundException"_s)
        return true;
    return m_completeRefusedParts && refusesParts(error);
}

} // namespace bge::omics
