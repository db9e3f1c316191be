#include "uploadjob.h"

#include "filewindowdevice.h"
#include "multipartengine.h"
#include "ossmultipartadapter.h"
#include "ossuploadconnection.h"
#include "partplan.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace bge {

UploadJob::UploadJob(QNetworkAccessManager* network, UploadCredentials* credentials, UploadOptions options,
                     QObject* parent)
    : Job<UploadResult>(parent), m_network(network), m_options(std::move(options)), m_credentials(credentials)
{
    if (m_options.parallelism < 1)
        m_options.parallelism = 1;
    if (m_options.retry.maxAttempts < 1)
        m_options.retry.maxAttempts = 1;
    if (m_options.journalDirectory.isEmpty())
        m_options.journalDirectory = UploadJournal::defaultDirectory();
    m_connection = std::make_unique<OssUploadConnection>(network, credentials, m_options.signature, m_options.retry);
    m_connection->setFatalHandler([this](const ApiError& error) { fail(error); });
    m_adapter = std::make_unique<OssMultipartAdapter>(m_connection.get(), m_options.overwrite);
}

UploadJob::~UploadJob()
{
    // The engine (if any) first: it keeps its journal for the next job to resume.
    m_engine.reset();
    m_connection->stop();
    if (m_afterEngine)
        m_afterEngine->stop();
}

qint64 UploadJob::partSizeFor(qint64 fileSize)
{
    return PartPlan::partSizeFor(fileSize, PartLimits::oss());
}

void UploadJob::discardSaved(QNetworkAccessManager* network, UploadCredentials* credentials,
                             const UploadOptions& options, QObject* context)
{
    const QFileInfo info(options.filePath);
    const QString name = options.objectFileName.isEmpty() ? info.fileName() : options.objectFileName;
    const QString directory =
        options.journalDirectory.isEmpty() ? UploadJournal::defaultDirectory() : options.journalDirectory;
    const QString path = info.absoluteFilePath();
    // The journal is found by the object's name, which needs the destination of the credentials.
    credentials->acquire(context, false, [=](const Result<UploadTarget>& target) {
        if (!target.ok())
            return;
        const QString objectName = target->destination + u'/' + name;
        const QString journalFile = UploadJournal::fileFor(directory, path, objectName);
        const std::optional<UploadJournal> journal = UploadJournal::load(journalFile);
        if (!journal)
            return;
        if (!journal->uploadId.isEmpty()) {
            OssUploadConnection::abortDetached(
                network, {QUrl(target->endpoint), target->bucket, target->region, options.signature},
                target->credentials, objectName, journal->uploadId);
        }
        UploadJournal::remove(journalFile);
    });
}

void UploadJob::doStart()
{
    const QFileInfo info(m_options.filePath);
    if (!info.isFile() || !info.isReadable()) {
        fail(ApiError::usage(u"Cannot read the file %1."_s.arg(m_options.filePath)));
        return;
    }
    const QString name = m_options.objectFileName.isEmpty() ? info.fileName() : m_options.objectFileName;
    if (name.isEmpty() || name == u"."_s || name == u".."_s || name.contains(u'/') || name.contains(u'\\')) {
        fail(ApiError::usage(u"\"%1\" is not a file name: uploads go straight into the destination, "
                             u"never into a sub-directory."_s.arg(name)));
        return;
    }
    m_options.filePath = info.absoluteFilePath();
    m_size = info.size();
    m_mtimeMs = info.lastModified().toMSecsSinceEpoch();
    m_options.partSize = PartPlan::partSizeFor(m_size, PartLimits::oss(), m_options.partSize);

    m_connection->withCredentials([this, name] {
        m_objectName = m_connection->target()->destination + u'/' + name;
        m_connection->setKey(m_objectName);
        reportProgress(0, true);
        if (m_options.overwrite) {
            if (m_size < m_options.multipartThreshold || m_size == 0)
                putObject(1);
            else
                startMultipart();
        } else {
            checkName();
        }
    });
}

void UploadJob::doAbort()
{
    if (m_engine)
        m_engine->abort(); // aborts the multipart upload on the server, removes the journal
    m_connection->stop();
    if (m_afterEngine)
        m_afterEngine->stop();
}

void UploadJob::fail(const ApiError& error)
{
    if (isFinished())
        return;
    if (m_engine)
        m_engine->failWith(error); // keeps or discards the multipart upload as its own failures do
    m_connection->stop();
    if (m_afterEngine)
        m_afterEngine->stop();
    complete(error);
}

void UploadJob::reportProgress(qint64 done, bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < 200)
        return;
    m_progressClock.start();
    Q_EMIT progress(qMin(done, m_size), m_size);
}

void UploadJob::checkName()
{
    ObjectMatch::check(m_connection.get(), m_options.filePath, m_size, this,
                       [this](const ApiError& error, const ObjectMatch& match) {
                           if (error) {
                               fail(error);
                               return;
                           }
                           if (match.verdict == ObjectMatch::Verdict::Same) {
                               alreadyUploaded(match);
                               return;
                           }
                           if (match.verdict == ObjectMatch::Verdict::Different) {
                               fail(nameClash());
                               return;
                           }
                           if (m_size < m_options.multipartThreshold || m_size == 0)
                               putObject(1);
                           else
                               startMultipart();
                       });
}

ApiError UploadJob::nameClash() const
{
    return ApiError::http(409, u"FileAlreadyExists: an object named %1 already exists; upload with "
                               u"overwrite to replace it"_s.arg(m_objectName));
}

// A run killed after its object was stored may have left a journal (a multipart upload that
// was completed, or nearly): the object is the file, so what the journal names is of no use.
void UploadJob::alreadyUploaded(const ObjectMatch& match)
{
    const QString journalFile = UploadJournal::fileFor(m_options.journalDirectory, m_options.filePath, m_objectName);
    if (const std::optional<UploadJournal> journal = UploadJournal::load(journalFile)) {
        m_connection->abortDetached(journal->uploadId);
        UploadJournal::remove(journalFile);
    }
    reportProgress(m_size, true);
    succeed({m_objectName, m_size, match.crc64, match.etag, 0, false, true});
}

// A write sent with x-oss-forbid-overwrite refused because the object exists, although the name
// check found none: most likely an earlier attempt of this job stored it and its reply was lost
// (a dropped connection, the stall timer), and the retry met the object. If the object is the
// file, the upload is done; otherwise somebody else's object came in between.
void UploadJob::resolveRefusal(OssUploadConnection* connection, const ApiError& refusal, int partsSent,
                               const QString& journalFile)
{
    ObjectMatch::check(connection, m_options.filePath, m_size, this,
                       [this, refusal, partsSent, journalFile](const ApiError& error, const ObjectMatch& match) {
                           if (error) {
                               fail(error);
                           } else if (match.verdict == ObjectMatch::Verdict::Same) {
                               if (!journalFile.isEmpty())
                                   UploadJournal::remove(journalFile); // the upload it describes is done
                               reportProgress(m_size, true);
                               succeed({m_objectName, m_size, match.crc64, match.etag, partsSent, false, false});
                           } else if (match.verdict == ObjectMatch::Verdict::Different) {
                               fail(nameClash());
                           } else {
                               fail(refusal); // gone again meanwhile: the refusal as it came
                           }
                       });
}

// --- single PutObject ------------------------------------------------------------------------

void UploadJob::putObject(int attempt)
{
    auto call = std::make_shared<OssCall>();
    call->method = "PUT";
    // A later attempt follows a CRC mismatch: the object there is this job's damaged one, which
    // x-oss-forbid-overwrite would keep.
    call->headers = OssMultipartAdapter::objectHeaders(m_connection->target()->clientId,
                                                       m_options.overwrite || attempt > 1);
    call->window = FileWindow{m_options.filePath, 0, m_size};
    call->progress = [this](qint64 sent) { reportProgress(sent, false); };
    call->done = [this, attempt](const OssReply& r, FileWindowDevice* device) {
        if (r.error && r.code == u"FileAlreadyExists"_s) {
            resolveRefusal(m_connection.get(), r.errorAt(u"PUT %1"_s.arg(m_objectName)), 1);
            return;
        }
        if (r.error) {
            fail(r.error.kind() == ApiError::Kind::Usage ? r.error : r.errorAt(u"PUT %1"_s.arg(m_objectName)));
            return;
        }
        const quint64 local = device && device->crcComplete() ? device->crc64() : ~quint64{0};
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        if (!ok || !device || !device->crcComplete() || remote != local) {
            if (attempt < m_options.retry.maxAttempts) {
                putObject(attempt + 1);
                return;
            }
            OssMultipartAdapter::deleteDamaged(
                m_connection.get(),
                u"CRC-64 mismatch: %1 was sent with CRC %2 but OSS stored %3 (%4 attempts)"_s
                    .arg(m_objectName, QString::number(local), QString::fromLatin1(r.crc64))
                    .arg(attempt),
                [this](const ApiError& error) { fail(error); });
            return;
        }
        if (fileChanged()) {
            failChangedFile();
            return;
        }
        reportProgress(m_size, true);
        succeed({m_objectName, m_size, local, QString::fromLatin1(r.etag), 1, false, false});
    };
    m_connection->send(call);
}

// The size and modification time the upload started from: the CRC only vouches for the bytes
// as they were read, and a file written meanwhile gives an object of two versions.
bool UploadJob::fileChanged() const
{
    const QFileInfo now(m_options.filePath);
    return !now.exists() || now.size() != m_size || now.lastModified().toMSecsSinceEpoch() != m_mtimeMs;
}

// The object of a file that changed while it was sent is deleted before the job fails, so that
// a command line exiting on the failure leaves no object of mixed versions behind.
void UploadJob::failChangedFile()
{
    const ApiError error = ApiError::usage(
        u"%1 changed while it was being uploaded; nothing of it was kept: upload it again"_s.arg(m_options.filePath));
    auto call = std::make_shared<OssCall>();
    call->method = "DELETE";
    call->done = [this, error](const OssReply&, FileWindowDevice*) { fail(error); };
    m_connection->send(call);
}

// --- multipart -------------------------------------------------------------------------------

void UploadJob::startMultipart()
{
    MultipartSettings settings;
    settings.sources = {{m_options.filePath, m_size, m_mtimeMs}};
    settings.objectName = m_objectName;
    settings.partSize = m_options.partSize;
    settings.limits = PartLimits::oss();
    settings.parallelism = m_options.parallelism;
    settings.retry = m_options.retry;
    settings.journalFile = UploadJournal::fileFor(m_options.journalDirectory, m_options.filePath, m_objectName);
    const QString settingsJournal = settings.journalFile;
    m_engine = std::make_unique<MultipartEngine>(m_adapter.get(), settings);
    m_engine->setAutoDelete(false);
    connect(m_engine.get(), &MultipartEngine::progress, this, [this](qint64 done, qint64) {
        reportProgress(done, true); // the engine throttles already
    });
    connect(m_engine.get(), &JobBase::finished, this, [this, settingsJournal] {
        const Result<MultipartOutcome> outcome = m_engine->outcome();
        if (!outcome.ok() && ossCode(outcome.error()) == u"FileAlreadyExists"_s) {
            // Initiate or Complete refused (see resolveRefusal). The engine kept its journal:
            // when the object is ours (a lost Complete reply) the journal goes with the success;
            // when it is someone else's it stays, so a rerun with overwrite sends no part again.
            m_afterEngine = std::make_unique<OssUploadConnection>(m_network, m_credentials, m_options.signature,
                                                                  m_options.retry);
            m_afterEngine->setFatalHandler([this](const ApiError& error) { fail(error); });
            m_afterEngine->setKey(m_objectName);
            resolveRefusal(m_afterEngine.get(), outcome.error(), int(m_engine->journal().parts.size()),
                           settingsJournal);
            return;
        }
        if (!outcome.ok()) {
            fail(outcome.error());
            return;
        }
        const quint64 crc = OssMultipartAdapter::combinedCrc(outcome->parts);
        succeed({m_objectName, m_size, crc, outcome->id, outcome->partsSent, outcome->resumed, false});
    });
    m_engine->start();
}

} // namespace bge
