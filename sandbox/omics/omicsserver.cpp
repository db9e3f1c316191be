#include "omicsserver.h"

#include "omicsservice.h"

#include "loopbackserver.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTextStream>
#include <QUrl>
#include <QUuid>

#include <thread>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxJsonBody = 1024 * 1024;

QByteArray newRequestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

// The operation a method and path name (host prefixes are ignored: routing is on these alone).
QString operationOf(const std::string& method, const QStringList& s)
{
    const qsizetype n = s.size();
    if (n == 1 && s[0] == u"sequencestores")
        return method == "POST" ? u"ListSequenceStores"_s : QString();
    if (n < 2 || s[0] != u"sequencestore")
        return {};
    if (n == 2)
        return method == "GET" ? u"GetSequenceStore"_s : QString();
    const QString& a = s[2];
    if (n == 3) {
        if (method == "POST" && a == u"readsets")
            return u"ListReadSets"_s;
        if (method == "POST" && a == u"upload")
            return u"CreateMultipartReadSetUpload"_s;
        if (method == "POST" && a == u"uploads")
            return u"ListMultipartReadSetUploads"_s;
        if (method == "POST" && a == u"importjob")
            return u"StartReadSetImportJob"_s;
        if (method == "POST" && a == u"importjobs")
            return u"ListReadSetImportJobs"_s;
        return {};
    }
    if (n == 4 && method == "GET" && a == u"readset")
        return u"GetReadSet"_s;
    if (n == 4 && method == "GET" && a == u"importjob")
        return u"GetReadSetImportJob"_s;
    if (n == 5 && method == "GET" && a == u"readset" && s[4] == u"metadata")
        return u"GetReadSetMetadata"_s;
    if (n == 5 && a == u"upload") {
        if (method == "PUT" && s[4] == u"part")
            return u"UploadReadSetPart"_s;
        if (method == "POST" && s[4] == u"complete")
            return u"CompleteMultipartReadSetUpload"_s;
        if (method == "DELETE" && s[4] == u"abort")
            return u"AbortMultipartReadSetUpload"_s;
        if (method == "POST" && s[4] == u"parts")
            return u"ListReadSetUploadParts"_s;
    }
    return {};
}

} // namespace

qint64 OmicsCall::contentLength() const
{
    return req.has_header("Content-Length")
               ? QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong()
               : -1;
}

OmicsService::OmicsService(OmicsServerConfig c)
    : config(std::move(c)),
      state(OmicsDemo::generate(config.seed), config.dataDirectory + u"/omics"_s, config.processingMs),
      authenticator(state.demo().accessKeyId.toLatin1(), state.demo().secretAccessKey.toLatin1(),
                    state.demo().region.toLatin1()),
      quotas(config.quotas)
{
}

QString OmicsService::arn(const QString& storeId, const QString& readSetId) const
{
    return readSetId.isEmpty() ? state.demo().storeArn(storeId) : state.demo().readSetArn(storeId, readSetId);
}

void OmicsService::reply(OmicsCall& call, const QJsonObject& body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.res.status = 200;
    call.res.set_header("x-amzn-RequestId", call.requestId.toStdString());
    call.res.set_content(json.constData(), std::size_t(json.size()), "application/json");
}

void OmicsService::fail(OmicsCall& call, const OmicsError& error)
{
    const QByteArray json = error.body();
    call.res.status = error.status;
    call.res.set_header("x-amzn-RequestId", call.requestId.toStdString());
    call.res.set_header("X-Amzn-ErrorType", error.type.toStdString());
    call.res.set_content(json.constData(), std::size_t(json.size()), "application/json");
}

void OmicsService::drainBody(OmicsCall& call)
{
    // An answer given before the body was read must not leave it on a connection that would be
    // reused: read small bodies away, close the connection under big ones.
    if (!call.reader || call.bodyRead)
        return;
    call.bodyRead = true;
    if (call.contentLength() > 16 * 1024 * 1024 || call.contentLength() < 0) {
        call.res.set_header("Connection", "close");
        return;
    }
    (*call.reader)([](const char*, size_t) { return true; });
}

bool OmicsService::checkStore(OmicsCall& call, Validator& v, const QString& storeId)
{
    v.id(storeId, u"sequenceStoreId"_s);
    if (!v.ok()) {
        fail(call, v.error());
        return false;
    }
    if (!state.store(storeId)) {
        fail(call, OmicsError::notFound(u"The specified sequence store %1 does not exist."_s.arg(storeId)));
        return false;
    }
    return true;
}

void OmicsService::pagingParameters(OmicsCall& call, Validator& v, qint64* maxResults)
{
    *maxResults =
        v.queryInteger(call.query("maxResults"), call.hasQuery("maxResults"), u"maxResults"_s, false, 1, 100)
            .value_or(100);
    if (call.hasQuery("nextToken")) {
        const QString token = call.query("nextToken");
        if (token.isEmpty())
            v.add(violation::tooShort(u"nextToken"_s, token, 1));
        else if (token.size() > 6144)
            v.add(violation::tooLong(u"nextToken"_s, token.left(40), 6144));
    }
}

bool OmicsService::sendPage(OmicsCall& call, const QJsonArray& items, const QString& list,
                            const QJsonObject& filter, qint64 maxResults, const QString& key)
{
    OmicsError error;
    const QByteArray fingerprint = QJsonDocument(filter).toJson(QJsonDocument::Compact);
    const auto p = page(items, list, fingerprint, maxResults, call.query("nextToken"),
                        call.hasQuery("nextToken"), &error);
    if (!p) {
        fail(call, error);
        return false;
    }
    QJsonObject body{{key, p->items}};
    if (!p->nextToken.isEmpty())
        body.insert(u"nextToken"_s, p->nextToken);
    reply(call, body);
    return true;
}

QByteArray requestFingerprint(const QString& storeId, QJsonObject body)
{
    body.remove(u"clientToken"_s);
    return QCryptographicHash::hash(
        QByteArray(storeId.toUtf8() + '\n' + QJsonDocument(body).toJson(QJsonDocument::Compact)),
        QCryptographicHash::Sha256);
}

bool needsReference(const QString& fileType)
{
    // As the service and the reference transfer manager require: aligned types only.
    return fileType == u"BAM" || fileType == u"CRAM";
}

void OmicsService::handle(const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader* reader)
{
    OmicsCall call{req, res, reader};
    call.requestId = newRequestId();
    if (config.faults.latencyMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(config.faults.latencyMs));
    if (FaultInjection::chance(config.faults.errorRate)) {
        drainBody(call);
        return fail(call, OmicsError::internal()); // without effect: nothing was done
    }

    const QString path = QString::fromStdString(req.path);
    call.segments = path.mid(1).split(u'/');
    if (!call.segments.isEmpty() && call.segments.constLast().isEmpty())
        call.segments.removeLast();
    call.operation = operationOf(req.method, call.segments);

    // The request as signed: the raw path as received (before httplib decoded it), the decoded
    // query items, the headers as they arrived.
    auto& s = call.signable;
    s.method = QByteArray::fromStdString(req.method);
    const std::string& target = req.target.empty() ? req.path : req.target;
    s.path = QByteArray::fromStdString(target.substr(0, target.find('?')));
    for (const auto& [name, value] : req.params)
        s.query.append({QByteArray::fromStdString(name), QByteArray::fromStdString(value)});
    for (const auto& [name, value] : req.headers)
        s.headers.append({QByteArray::fromStdString(name), QByteArray::fromStdString(value)});

    if (const auto refused = authenticator.precheck(s, QDateTime::currentDateTimeUtc())) {
        drainBody(call);
        return fail(call, *refused);
    }
    const QByteArray declaredHash = s.header("x-amz-content-sha256");
    if (call.operation == u"UploadReadSetPart") {
        // Part bodies stream to disk; without x-amz-content-sha256 their hash is only known at the
        // end, so uploadPart() verifies the signature then.
        if (!declaredHash.isEmpty()) {
            if (const auto refused = authenticator.verify(s, declaredHash)) {
                drainBody(call);
                return fail(call, *refused);
            }
        }
    } else {
        if (reader) {
            if (call.contentLength() > kMaxJsonBody) {
                drainBody(call);
                return fail(call, OmicsError::validation(u"The request body is too large."_s));
            }
            bool tooLarge = false;
            call.bodyRead = true;
            (*reader)([&](const char* data, size_t size) {
                call.body.append(data, qsizetype(size));
                tooLarge = call.body.size() > kMaxJsonBody;
                return !tooLarge;
            });
            if (tooLarge)
                return fail(call, OmicsError::validation(u"The request body is too large."_s));
        }
        const QByteArray bodyHash = aws::SigV4::payloadHash(call.body);
        if (const auto refused = authenticator.verify(s, declaredHash.isEmpty() ? bodyHash : declaredHash))
            return fail(call, *refused);
        if (!declaredHash.isEmpty() && declaredHash != aws::SigV4::kUnsignedPayload &&
            declaredHash != bodyHash) {
            return fail(call,
                        {400, "XAmzContentSHA256Mismatch",
                         u"The provided 'x-amz-content-sha256' header does not match what was computed."_s});
        }
    }
    if (call.operation.isEmpty()) {
        drainBody(call);
        return fail(call, OmicsError::unknownOperation());
    }
    if (!quotas.admit(call.operation)) {
        drainBody(call);
        return fail(call, OmicsError::throttling());
    }
    if (call.operation != u"UploadReadSetPart" && call.operation != u"GetReadSet") {
        if (FaultInjection::chance(config.faults.dropRate)) {
            dropConnection(req); // fault injection: the connection dies before the answer, nothing done
            return;
        }
        OmicsError error;
        const auto json = parseBody(call.body, &error);
        if (!json)
            return fail(call, error);
        call.json = *json;
    }

    const QString& op = call.operation;
    if (op == u"ListSequenceStores")
        return listSequenceStores(call);
    if (op == u"GetSequenceStore")
        return getSequenceStore(call);
    if (op == u"ListReadSets")
        return listReadSets(call);
    if (op == u"GetReadSetMetadata")
        return getReadSetMetadata(call);
    if (op == u"GetReadSet")
        return getReadSet(call);
    if (op == u"CreateMultipartReadSetUpload")
        return createUpload(call);
    if (op == u"UploadReadSetPart")
        return uploadPart(call);
    if (op == u"CompleteMultipartReadSetUpload")
        return completeUpload(call);
    if (op == u"AbortMultipartReadSetUpload")
        return abortUpload(call);
    if (op == u"ListMultipartReadSetUploads")
        return listUploads(call);
    if (op == u"ListReadSetUploadParts")
        return listParts(call);
    if (op == u"StartReadSetImportJob")
        return startImportJob(call);
    if (op == u"GetReadSetImportJob")
        return getImportJob(call);
    listImportJobs(call);
}

struct OmicsServer::Private
{
    explicit Private(OmicsServerConfig c) : service(std::move(c)) {}
    OmicsService service;
    LoopbackServer loopback{QStringLiteral("the HealthOmics emulator"), 24};
};

OmicsServer::OmicsServer(OmicsServerConfig config) : d(std::make_unique<Private>(std::move(config)))
{
    httplib::Server& s = d->loopback.http();
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
        const_cast<httplib::Request&>(req).ranges.clear(); // GetReadSet answers parts, not ranges
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        // The path only: ids are digits, and a query may hold a client's tokens.
        QTextStream(stderr) << "omics: " << QString::fromStdString(req.method) << ' '
                            << QString::fromStdString(req.path).left(200) << ' ' << res.status << Qt::endl;
    });
    const std::string any = R"(/.*)";
    const auto plain = [this](const httplib::Request& req, httplib::Response& res) {
        d->service.handle(req, res, nullptr);
    };
    const auto withBody = [this](const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) {
        d->service.handle(req, res, &reader);
    };
    s.Get(any, plain);
    s.Delete(any, withBody);
    s.Put(any, withBody);
    s.Post(any, withBody);
}

OmicsServer::~OmicsServer() = default;

bool OmicsServer::open(QString* error)
{
    const std::lock_guard lock(d->service.state.mutex());
    return d->service.state.open(error);
}

bool OmicsServer::bind(int port, QString* error)
{
    return d->loopback.bind(port, error);
}

int OmicsServer::port() const
{
    return d->loopback.port();
}

void OmicsServer::run()
{
    d->loopback.run();
}

void OmicsServer::stop()
{
    d->loopback.stop();
}

const OmicsDemo& OmicsServer::demo() const
{
    return d->service.state.demo();
}

} // namespace bge::sandbox::omics
