#include "readsetdownloadjob.h"

#include "omicsapi.h"
#include "omicsconnection.h"
#include "readsetdownloadadapter.h"
#include "seqformat/readsetnaming.h"
#include "transfer/partdownload.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bge::omics {

namespace {

constexpr int kMetadataRounds = 4;

// A name that is safe as one path component.
QString safeStem(QString name)
{
    name = seqformat::fitOmicsName(name);
    for (QChar& c : name) {
        if (c == u'/' || c == u'\\' || c == u':' || c.unicode() < 0x20)
            c = u'_';
    }
    if (name.isEmpty() || name == u"."_s || name == u".."_s)
        return {};
    return name;
}

} // namespace

ReadSetDownloadJob::ReadSetDownloadJob(OmicsConnection* connection, ReadSetDownloadOptions options,
                                       QObject* parent)
    : Job<ReadSetDownloadResult>(parent), m_connection(connection), m_options(std::move(options))
{
    m_options.file = m_options.file.toUpper();
}

ReadSetDownloadJob::~ReadSetDownloadJob() = default;

QString ReadSetDownloadJob::defaultFileName(const ReadSetMetadata& metadata, const QString& file)
{
    const ReadSetListItem& rs = metadata.readSet;
    QString stem = safeStem(rs.name);
    if (stem.isEmpty())
        stem = rs.id;
    const QString type = rs.fileType.toUpper();
    // Why no ".gz": the reference transfer manager appends it when the bytes are gzip; the
    // type alone does not say, and a name must be chosen before the first byte arrives.
    // A FASTQ that is gzip keeps its bytes either way; `-o` names it as wanted.
    QString extension = u".fastq"_s;
    if (type == u"BAM"_s || type == u"UBAM"_s)
        extension = u".bam"_s;
    else if (type == u"CRAM"_s)
        extension = u".cram"_s;
    if (file == u"INDEX"_s)
        return stem + extension + (type == u"CRAM"_s ? u".crai"_s : u".bai"_s);
    if (metadata.source2 && type == u"FASTQ"_s)
        return stem + (file == u"SOURCE2"_s ? u"_2"_s : u"_1"_s) + extension;
    return stem + extension;
}

void ReadSetDownloadJob::doStart()
{
    if (!m_connection) {
        QMetaObject::invokeMethod(
            this, [this] { complete(ApiError::usage(tr("No HealthOmics connection."))); },
            Qt::QueuedConnection);
        return;
    }
    m_context = std::make_unique<QObject>();
    fetchMetadata(1);
}

void ReadSetDownloadJob::fetchMetadata(int round)
{
    OmicsApi(m_connection)
        .readSetMetadata(m_options.storeId, m_options.readSetId)
        ->run(m_context.get(), [this, round](const Result<ReadSetMetadata>& r) {
            if (!r) {
                // Past the call's own retries: a few more rounds, as for a part, before giving up.
                if (r.error().isRetryable() && round < kMetadataRounds) {
                    QTimer::singleShot(500 * round, m_context.get(),
                                       [this, round] { fetchMetadata(round + 1); });
                    return;
                }
                complete(r.error());
                return;
            }
            download(r.value());
        });
}

void ReadSetDownloadJob::download(const ReadSetMetadata& metadata)
{
    const std::optional<ReadSetFileInfo> info = metadata.file(m_options.file);
    if (!info) {
        complete(
            ApiError::usage(tr("The read set %1 has no %2 file.").arg(metadata.readSet.id, m_options.file)));
        return;
    }
    if (metadata.readSet.status != u"ACTIVE"_s) {
        complete(ApiError::usage(tr("The read set %1 is %2, not ACTIVE: it cannot be downloaded yet.")
                                     .arg(metadata.readSet.id, metadata.readSet.status)));
        return;
    }
    if (info->partSize <= 0 || info->contentLength < 0) {
        complete(ApiError::malformed(
            tr("The metadata of %1 gives no part size for %2.").arg(metadata.readSet.id, m_options.file)));
        return;
    }
    QString destination = m_options.destination;
    if (destination.isEmpty() || QFileInfo(destination).isDir())
        destination = QDir(destination.isEmpty() ? QDir::currentPath() : destination)
                          .filePath(defaultFileName(metadata, m_options.file));
    destination = QFileInfo(destination).absoluteFilePath();

    PartDownloadSettings settings;
    settings.destination = destination;
    settings.overwrite = m_options.overwrite;
    // What these bytes are: a partial file of another read set, file or size is not resumed.
    settings.identity =
        u"healthomics:%1/%2/%3/%4"_s.arg(m_options.storeId, metadata.readSet.id, m_options.file)
            .arg(info->contentLength);
    settings.size = info->contentLength;
    settings.partSize = info->partSize;
    settings.parallelism = m_options.parallelism;

    m_adapter = std::make_unique<ReadSetDownloadAdapter>(m_connection, m_options.storeId, metadata.readSet.id,
                                                         m_options.file);
    m_engine = std::make_unique<PartDownloadEngine>(m_adapter.get(), settings);
    m_engine->setAutoDelete(false);
    connect(m_engine.get(), &PartDownloadEngine::progress, this, &ReadSetDownloadJob::progress);
    m_engine->run(this, [this, metadata](const Result<PartDownloadResult>& r) {
        if (!r) {
            complete(r.error());
            return;
        }
        succeed({r.value().path, r.value().size, r.value().partsFetched, r.value().partsKept, metadata});
    });
}

void ReadSetDownloadJob::doAbort()
{
    m_context.reset();
    if (m_engine && !m_engine->isFinished())
        m_engine->abort(); // keeps the partial file for a resume
}

} // namespace bge::omics
