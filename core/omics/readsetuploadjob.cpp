#include "readsetuploadjob.h"

#include "omicsapi.h"
#include "omicsconnection.h"
#include "readsetfinder.h"
#include "readsetuploadadapter.h"
#include "seqformat/readsetfiletype.h"
#include "seqformat/uploadcheck.h"
#include "transfer/multipartengine.h"
#include "transfer/uploadjournal.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bge::omics {

namespace {

QJsonObject inputJson(const CreateUploadInput& input)
{
    QJsonObject tags;
    for (auto it = input.tags.begin(); it != input.tags.end(); ++it)
        tags.insert(it.key(), it.value());
    return {{u"sourceFileType"_s, input.sourceFileType},
            {u"subjectId"_s, input.subjectId},
            {u"sampleId"_s, input.sampleId},
            {u"name"_s, input.name},
            {u"generatedFrom"_s, input.generatedFrom},
            {u"referenceArn"_s, input.referenceArn},
            {u"description"_s, input.description},
            {u"tags"_s, tags}};
}

} // namespace

ReadSetUploadJob::ReadSetUploadJob(OmicsConnection* connection, ReadSetUploadOptions options, QObject* parent)
    : Job<ReadSetUploadResult>(parent), m_connection(connection), m_options(std::move(options))
{
    for (QString& file : m_options.files)
        file = QFileInfo(file).absoluteFilePath();
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ReadSetUploadJob::poll);
}

ReadSetUploadJob::~ReadSetUploadJob() = default;

QString ReadSetUploadJob::journalFileFor(const ReadSetUploadOptions& options)
{
    QStringList files;
    for (const QString& f : options.files)
        files.append(QFileInfo(f).absoluteFilePath());
    const QString dir =
        options.journalDirectory.isEmpty() ? UploadJournal::defaultDirectory() : options.journalDirectory;
    return UploadJournal::fileFor(dir, files.join(u'\n'), options.storeId + u'/' + options.name);
}

QString ReadSetUploadJob::recordFileFor(const ReadSetUploadOptions& options)
{
    // Named from everything that makes "the same read set of the same files": a file changed
    // since (size, mtime) or another name is another upload.
    QStringList identity{options.storeId, options.name, options.sampleId, options.subjectId};
    for (const QString& f : options.files) {
        const QFileInfo info(f);
        identity.append(info.absoluteFilePath() + u'|' + QString::number(info.size()) + u'|' +
                        QString::number(info.lastModified().toMSecsSinceEpoch()));
    }
    const QByteArray id =
        QCryptographicHash::hash(identity.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    const QString dir =
        options.journalDirectory.isEmpty() ? UploadJournal::defaultDirectory() : options.journalDirectory;
    return dir + u"/readset-"_s + QString::fromLatin1(id) + u".json"_s;
}

ApiError ReadSetUploadJob::saveRecord()
{
    QString error;
    if (!m_record)
        return {};
    if (m_record->save(m_recordFile, &error)) {
        Q_EMIT commitPoint(m_record->state);
        return {};
    }
    return ApiError::usage(tr("Cannot save the upload record %1: %2").arg(m_recordFile, error));
}

void ReadSetUploadJob::forgetRecord()
{
    m_record.reset();
    if (!m_recordFile.isEmpty())
        ReadSetUploadRecord::remove(m_recordFile);
}

// An earlier run sent Complete and was stopped before it heard the answer. If the upload is
// still there, Complete never took effect: the journal resumes it (Complete is sent again).
// If it is gone, Complete most plausibly made a read set, which is looked for.
void ReadSetUploadJob::checkCompletingUpload()
{
    if (!m_connection) {
        complete(ApiError::cancelled());
        return;
    }
    ListOptions one;
    one.maxResults = 1;
    m_pollContext = std::make_unique<QObject>();
    OmicsApi(m_connection)
        .listUploadParts(m_options.storeId, m_record->uploadId, ReadSetUploadAdapter::partSource(1), {}, one)
        ->run(m_pollContext.get(), [this](const Result<OmicsPage<ReadSetUploadPart>>& r) {
            if (r) {
                // Without a journal (lost, or written by nothing) the upload cannot be resumed:
                // it is dropped rather than left behind, and the files go again.
                if (!QFile::exists(journalFileFor(m_options)) && m_connection)
                    OmicsApi(m_connection).abortUpload(m_options.storeId, m_record->uploadId)->start();
                startEngine();
                return;
            }
            if (r.error().serviceCode() == u"ResourceNotFoundException"_s) {
                findReadSet();
                return;
            }
            complete(r.error());
        });
}

// The read set Complete made, if any (ReadSetFinder says how). Exactly one: it is ours. None:
// the upload never became one (aborted, expired, refused). Several: only a person can tell.
void ReadSetUploadJob::findReadSet()
{
    ReadSetLookup lookup;
    lookup.storeId = m_options.storeId;
    lookup.name = m_options.name;
    lookup.sampleId = m_options.sampleId;
    lookup.subjectId = m_options.subjectId;
    if (m_record)
        lookup.createdAfter = m_record->uploadCreated;
    lookup.sizes = m_sizes;
    m_pollContext = std::make_unique<QObject>();
    (new ReadSetFinder(m_connection, lookup))->run(m_pollContext.get(), [this](const Result<QStringList>& r) {
        if (!r) {
            complete(r.error());
            return;
        }
        foundReadSets(r.value());
    });
}

void ReadSetUploadJob::foundReadSets(const QStringList& matched)
{
    const QString uploadId = m_record ? m_record->uploadId : QString();
    if (matched.isEmpty()) {
        uploadAgain(tr("The earlier upload %1 is gone and made no read set: uploading again.").arg(uploadId));
        return;
    }
    if (matched.size() > 1) {
        complete(ApiError::usage(
            tr("The earlier upload %1 was completed, but the read sets %2 all match it (the same name, sample, "
               "subject and sizes): delete the ones you do not want (aws omics batch-delete-read-set) and run "
               "the upload again.")
                .arg(uploadId, matched.join(u", "_s))));
        return;
    }
    Q_EMIT notice(tr("The earlier upload %1 was completed as the read set %2: following it instead of "
                     "uploading again.")
                      .arg(uploadId, matched.first()));
    m_record = ReadSetUploadRecord{};
    m_record->state = ReadSetUploadRecord::State::Completed;
    m_record->uploadId = uploadId;
    m_record->readSetId = matched.first();
    (void)saveRecord();
    UploadJournal::remove(journalFileFor(m_options)); // its upload is gone
    m_result.uploadId = uploadId;
    m_result.resumed = true;
    follow(matched.first(), true);
}

void ReadSetUploadJob::uploadAgain(const QString& why)
{
    Q_EMIT notice(why);
    forgetRecord();
    m_followingRecord = false;
    m_result = {};
    m_result.fileType = m_fileType;
    // Off the engine's own call stack here (always after an API call's answer).
    m_engine.reset();
    m_adapter.reset();
    startEngine();
}

ApiError ReadSetUploadJob::check()
{
    if (!m_connection)
        return ApiError::usage(tr("No HealthOmics connection."));
    if (m_options.files.isEmpty() || m_options.files.size() > 2)
        return ApiError::usage(tr("A read set is one file, or two for paired FASTQ."));
    seqformat::UploadProposal proposal;
    for (const QString& path : std::as_const(m_options.files)) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return ApiError::usage(tr("Cannot read %1.").arg(path));
        proposal.files.append({path, seqformat::sniffFile(path)});
        m_sizes.append(info.size());
    }
    const QString declared = m_options.fileType.trimmed();
    if (!declared.isEmpty() && declared.compare(u"auto"_s, Qt::CaseInsensitive) != 0) {
        proposal.declared = seqformat::readSetFileTypeFromWireName(declared);
        if (!proposal.declared)
            return ApiError::usage(tr("Unknown file type %1 (FASTQ, BAM, CRAM or UBAM).").arg(declared));
    }
    proposal.referenceArn = m_options.referenceArn;
    if (!m_options.checkBytes && proposal.declared) {
        if (const std::optional<QString> p =
                seqformat::referenceProblem(*proposal.declared, m_options.referenceArn))
            return ApiError::usage(*p);
        if (m_options.files.size() == 2 && *proposal.declared != seqformat::ReadSetFileType::Fastq)
            return ApiError::usage(tr("Only FASTQ read sets have two files."));
        m_fileType = seqformat::wireName(*proposal.declared);
        return {};
    }
    const seqformat::UploadCheck verdict = seqformat::checkUpload(proposal);
    if (!verdict.ok()) {
        QStringList errors = verdict.errors;
        if (errors.isEmpty())
            errors.append(tr("The file type cannot be told from the bytes: choose one."));
        return ApiError::usage(errors.join(u' '));
    }
    m_fileType = seqformat::wireName(*verdict.type);
    if (m_options.files.size() == 2 && *verdict.type != seqformat::ReadSetFileType::Fastq)
        return ApiError::usage(tr("Only FASTQ read sets have two files."));
    return {};
}

void ReadSetUploadJob::doStart()
{
    if (const ApiError problem = check()) {
        QMetaObject::invokeMethod(
            this, [this, problem] { complete(problem); }, Qt::QueuedConnection);
        return;
    }
    m_recordFile = recordFileFor(m_options);
    m_record = ReadSetUploadRecord::load(m_recordFile);
    if (m_record && m_record->state == ReadSetUploadRecord::State::Completed) {
        // An earlier run got the read set from Complete and was stopped before it was ACTIVE:
        // uploading again would make a second one.
        m_result.uploadId = m_record->uploadId;
        m_result.resumed = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT notice(tr("An earlier run already uploaded these files as the read set %1: following it "
                                 "instead of uploading again.")
                                  .arg(m_record->readSetId));
                follow(m_record->readSetId, true);
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_record && m_record->state == ReadSetUploadRecord::State::Completing) {
        QMetaObject::invokeMethod(this, &ReadSetUploadJob::checkCompletingUpload, Qt::QueuedConnection);
        return;
    }
    if (m_record && m_record->state == ReadSetUploadRecord::State::Creating) {
        QMetaObject::invokeMethod(this, &ReadSetUploadJob::abortOrphan, Qt::QueuedConnection);
        return;
    }
    // Killed between Create's answer and the journal's first save: nothing can resume that
    // upload (it has no parts yet), so it is dropped rather than left behind.
    if (m_record && m_record->state == ReadSetUploadRecord::State::Created &&
        !QFile::exists(journalFileFor(m_options)))
        OmicsApi(m_connection).abortUpload(m_options.storeId, m_record->uploadId)->start();
    startEngine();
}

// An earlier run was stopped while its Create was in flight: whether that made an upload is
// unknown, and no journal names one. The same clientToken with the same request makes the
// service answer the upload it made (the emulator keeps tokens 8 hours; the real service most
// plausibly does the same), which is then aborted, and this run starts afresh with a new
// token. Reusing that upload instead is no option: the token answers it even once it is
// aborted. Should this fail, what is left is an orphan upload without parts, listed by
// `bge omics uploads` and expired by the service: it never stops this run.
void ReadSetUploadJob::abortOrphan()
{
    const CreateUploadInput input = createInput(m_record->clientToken);
    if (!m_connection || inputJson(input) != m_record->create) {
        startEngine();
        return;
    }
    m_pollContext = std::make_unique<QObject>();
    OmicsApi(m_connection)
        .createUpload(m_options.storeId, input)
        ->run(m_pollContext.get(), [this](const Result<ReadSetUpload>& r) {
            if (!r || !m_connection) {
                startEngine();
                return;
            }
            OmicsApi(m_connection)
                .abortUpload(m_options.storeId, r.value().uploadId)
                ->run(m_pollContext.get(), [this](const Result<Done>&) { startEngine(); });
        });
}

CreateUploadInput ReadSetUploadJob::createInput(const QString& clientToken) const
{
    CreateUploadInput input;
    input.sourceFileType = m_fileType;
    input.subjectId = m_options.subjectId;
    input.sampleId = m_options.sampleId;
    input.name = m_options.name;
    input.generatedFrom = m_options.generatedFrom;
    input.referenceArn = m_options.referenceArn;
    input.description = m_options.description;
    input.tags = m_options.tags;
    input.clientToken = clientToken;
    return input;
}

void ReadSetUploadJob::startEngine()
{
    const QString journalFile = journalFileFor(m_options);
    // A fresh token for this job's Create: OmicsCall retries a Create that may have gone
    // through with it, and the service then answers the same upload instead of a second one.
    // A resumed upload needs no Create; one whose upload is gone, or whose files changed,
    // needs a new upload, which the old token would not give.
    const CreateUploadInput input = createInput(OmicsApi::newClientToken());
    const QJsonObject createJson = inputJson(input);

    MultipartSettings settings;
    qint64 largest = 0;
    for (qsizetype i = 0; i < m_options.files.size(); ++i) {
        const QFileInfo info(m_options.files.at(i));
        settings.sources.append(
            {m_options.files.at(i), info.size(), info.lastModified().toMSecsSinceEpoch()});
        largest = qMax(largest, info.size());
    }
    settings.objectName = m_options.storeId + u'/' + m_options.name;
    settings.limits = PartLimits::healthOmics();
    // An explicit part size is taken as it is (within the 100 MiB cap): the service documents
    // no minimum, and small parts make small tests multi-part.
    settings.partSize = m_options.partSize > 0 ? qMin(m_options.partSize, settings.limits.maxPartSize)
                                               : PartPlan::partSizeFor(largest, settings.limits);
    settings.parallelism = m_options.parallelism;
    settings.journalFile = journalFile;
    settings.extra = {{u"storeId"_s, m_options.storeId},
                      {u"clientToken"_s, input.clientToken},
                      {u"create"_s, inputJson(input)}};
    QDir().mkpath(QFileInfo(journalFile).absolutePath());

    m_result.fileType = m_fileType;
    m_adapter = std::make_unique<ReadSetUploadAdapter>(m_connection, m_options.storeId, input);
    ReadSetUploadHooks hooks;
    hooks.creating = [this, createJson](const QString& token) {
        m_record = ReadSetUploadRecord{};
        m_record->state = ReadSetUploadRecord::State::Creating;
        m_record->clientToken = token;
        m_record->create = createJson;
        return saveRecord();
    };
    hooks.created = [this](const ReadSetUpload& upload) {
        m_record = ReadSetUploadRecord{};
        m_record->state = ReadSetUploadRecord::State::Created;
        m_record->uploadId = upload.uploadId;
        m_record->uploadCreated = upload.creationTime;
        return saveRecord();
    };
    hooks.completing = [this](const QString& uploadId) {
        // A resumed upload whose Create this job did not see (or a record lost): the read set
        // is made at Complete, so the clock now, less the 5 minutes SigV4 lets the two clocks
        // differ by, is early enough to find it by its creation time.
        if (!m_record || m_record->uploadId != uploadId || !m_record->uploadCreated.isValid()) {
            m_record = ReadSetUploadRecord{};
            m_record->uploadId = uploadId;
            m_record->uploadCreated = QDateTime::currentDateTimeUtc().addSecs(-5 * 60);
        }
        m_record->state = ReadSetUploadRecord::State::Completing;
        return saveRecord();
    };
    m_adapter->setHooks(std::move(hooks));
    m_engine = std::make_unique<MultipartEngine>(m_adapter.get(), settings);
    m_engine->setAutoDelete(false);
    connect(m_engine.get(), &MultipartEngine::progress, this, &ReadSetUploadJob::progress);
    m_engine->run(this, [this](const Result<MultipartOutcome>& outcome) { engineFinished(outcome); });
}

void ReadSetUploadJob::engineFinished(const Result<MultipartOutcome>& outcome)
{
    if (!outcome) {
        const ApiError& e = outcome.error();
        // Complete was sent and its upload is now unknown: most plausibly a lost answer whose
        // retry found the upload already completed. The read set may exist: look for it.
        if (e.serviceCode() == u"ResourceNotFoundException"_s && m_record &&
            m_record->state == ReadSetUploadRecord::State::Completing) {
            findReadSet();
            return;
        }
        // Create refused outright: it made nothing a rerun must look for.
        if (m_record && m_record->state == ReadSetUploadRecord::State::Creating &&
            e.kind() == ApiError::Kind::Service && e.httpStatus() >= 400 && e.httpStatus() < 500)
            forgetRecord();
        complete(e);
        return;
    }
    const MultipartOutcome& o = outcome.value();
    m_result.uploadId = o.uploadId;
    m_result.readSetId = o.id;
    m_result.size = o.size;
    m_result.partsSent = o.partsSent;
    m_result.partsTotal = int(o.parts.size());
    m_result.resumed = o.resumed;
    if (!m_options.waitForActive) {
        forgetRecord(); // nothing left to protect: the read set is named to the caller now
        succeed(m_result);
        return;
    }
    // Before anything else: the engine has dropped its journal, and only this names the read
    // set for a rerun after a kill while waiting for ACTIVE.
    m_record = ReadSetUploadRecord{};
    m_record->state = ReadSetUploadRecord::State::Completed;
    m_record->uploadId = o.uploadId;
    m_record->readSetId = o.id;
    (void)saveRecord(); // a failure costs only that protection: still follow the read set
    follow(o.id, false);
}

void ReadSetUploadJob::follow(const QString& readSetId, bool fromRecord)
{
    m_result.readSetId = readSetId;
    m_followingRecord = fromRecord;
    if (!m_options.waitForActive) { // a rerun with --no-wait: the id is all that was asked for
        forgetRecord();
        succeed(m_result);
        return;
    }
    m_settleDeadline = QDateTime::currentMSecsSinceEpoch() + m_options.settleTimeoutMs;
    poll();
}

void ReadSetUploadJob::poll()
{
    if (isFinished())
        return;
    if (!m_connection) {
        complete(ApiError::cancelled());
        return;
    }
    m_pollContext = std::make_unique<QObject>();
    OmicsApi(m_connection)
        .readSetMetadata(m_options.storeId, m_result.readSetId)
        ->run(m_pollContext.get(), [this](const Result<ReadSetMetadata>& r) {
            if (!r) {
                // The read set an earlier run completed is gone (deleted meanwhile).
                if (m_followingRecord && r.error().serviceCode() == u"ResourceNotFoundException"_s) {
                    uploadAgain(tr("The read set %1 of an earlier upload is gone: uploading again.")
                                    .arg(m_result.readSetId));
                    return;
                }
                // The read set exists (Complete named it): a passing fault (5xx, throttling, a
                // dropped connection, past the call's own retries) is waited out like PROCESSING.
                if (r.error().isRetryable() && QDateTime::currentMSecsSinceEpoch() < m_settleDeadline) {
                    m_pollTimer.start(qMax(200, m_options.pollIntervalMs));
                    return;
                }
                complete(r.error());
                return;
            }
            const QString& status = r.value().readSet.status;
            m_result.metadata = r.value();
            if (status == u"PROCESSING_UPLOAD"_s || status == u"ACTIVATING"_s) {
                Q_EMIT processing(m_result.readSetId, status);
                if (QDateTime::currentMSecsSinceEpoch() > m_settleDeadline) {
                    complete(ApiError::timeout(tr("The read set %1 is still %2 after %3 minutes.")
                                                   .arg(m_result.readSetId, status)
                                                   .arg(m_options.settleTimeoutMs / 60000)));
                    return;
                }
                m_pollTimer.start(qMax(200, m_options.pollIntervalMs));
                return;
            }
            settled(r.value());
        });
}

void ReadSetUploadJob::settled(const ReadSetMetadata& metadata)
{
    const ReadSetListItem& rs = metadata.readSet;
    // Settled one way or the other: a rerun has nothing to continue.
    forgetRecord();
    if (rs.status == u"UPLOAD_FAILED"_s) {
        const QString reason = rs.statusMessage.isEmpty() ? tr("no reason given") : rs.statusMessage;
        complete(
            ApiError::service(0, u"UPLOAD_FAILED"_s, rs.statusMessage, {},
                              tr("HealthOmics could not accept the read set %1: %2").arg(rs.id, reason)));
        return;
    }
    if (rs.status != u"ACTIVE"_s) {
        complete(ApiError::malformed(tr("The read set %1 is %2 after its upload.").arg(rs.id, rs.status)));
        return;
    }
    // What the store kept must be the files as they were sent.
    for (qsizetype i = 0; i < m_sizes.size(); ++i) {
        const std::optional<ReadSetFileInfo> file = metadata.file(i == 0 ? u"SOURCE1" : u"SOURCE2");
        const qint64 stored = file ? file->contentLength : -1;
        if (stored != m_sizes.at(i)) {
            complete(ApiError::malformed(tr("The read set %1 holds %2 bytes for %3, which has %4 bytes.")
                                             .arg(rs.id)
                                             .arg(stored)
                                             .arg(m_options.files.at(i))
                                             .arg(m_sizes.at(i))));
            return;
        }
    }
    succeed(m_result);
}

void ReadSetUploadJob::doAbort()
{
    m_pollTimer.stop();
    m_pollContext.reset();
    if (m_engine && !m_engine->isFinished()) {
        m_engine->abort(); // aborts the upload on the server, removes the journal
        forgetRecord();
    }
    // After Complete the record stays: the read set exists, and a rerun follows it.
}

} // namespace bge::omics
