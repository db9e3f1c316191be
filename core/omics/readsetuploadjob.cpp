#include "readsetuploadjob.h"

#include "omicsapi.h"
#include "omicsconnection.h"
#include "readsetuploadadapter.h"
#include "seqformat/readsetfiletype.h"
#include "seqformat/uploadcheck.h"
#include "transfer/multipartengine.h"
#include "transfer/uploadjournal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
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
    const QString journalFile = journalFileFor(m_options);
    CreateUploadInput input;
    input.sourceFileType = m_fileType;
    input.subjectId = m_options.subjectId;
    input.sampleId = m_options.sampleId;
    input.name = m_options.name;
    input.generatedFrom = m_options.generatedFrom;
    input.referenceArn = m_options.referenceArn;
    input.description = m_options.description;
    input.tags = m_options.tags;
    // A fresh token for this job's Create: OmicsCall retries a Create that may have gone
    // through with it, and the service then answers the same upload instead of a second one.
    // A resumed upload needs no Create; one whose upload is gone, or whose files changed,
    // needs a new upload, which the old token would not give.
    input.clientToken = OmicsApi::newClientToken();

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
    m_engine = std::make_unique<MultipartEngine>(m_adapter.get(), settings);
    m_engine->setAutoDelete(false);
    connect(m_engine.get(), &MultipartEngine::progress, this, &ReadSetUploadJob::progress);
    m_engine->run(this, [this](const Result<MultipartOutcome>& outcome) {
        if (!outcome) {
            complete(outcome.error());
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
            succeed(m_result);
            return;
        }
        m_settleDeadline = QDateTime::currentMSecsSinceEpoch() + m_options.settleTimeoutMs;
        poll();
    });
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
    if (m_engine && !m_engine->isFinished())
        m_engine->abort(); // aborts the upload on the server, removes the journal
}

} // namespace bge::omics
