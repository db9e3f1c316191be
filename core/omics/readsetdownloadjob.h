#pragma once

#include "api/job.h"
#include "records/readset.h"

#include <QPointer>

#include <memory>

namespace bge {
class PartDownloadEngine;
}

namespace bge::omics {

class OmicsConnection;
class ReadSetDownloadAdapter;

struct ReadSetDownloadOptions
{
    QString storeId;
    QString readSetId;
    QString file = QStringLiteral("SOURCE1"); // SOURCE1, SOURCE2, INDEX
    // A file, or an existing folder to put the default name in; empty: the default name in
    // the current folder.
    QString destination;
    bool overwrite = false;
    int parallelism = 4;
};

struct ReadSetDownloadResult
{
    QString path;
    qint64 size = 0;
    int partsFetched = 0;
    int partsKept = 0; // from an interrupted earlier job
    ReadSetMetadata metadata;
};

// Downloads one file of a read set: GetReadSetMetadata for its part layout, then
// PartDownloadEngine (parts in parallel into <destination>.bgepart, resumed after a kill, size
// checked, moved into place; never over an existing file unless overwriting).
class ReadSetDownloadJob final : public Job<ReadSetDownloadResult>
{
    Q_OBJECT
public:
    ReadSetDownloadJob(OmicsConnection* connection, ReadSetDownloadOptions options,
                       QObject* parent = nullptr);
    ~ReadSetDownloadJob() override;

    // The local name the reference transfer manager gives it: <name>.fastq, <name>_1.fastq /
    // <name>_2.fastq for paired reads, <name>.bam, <name>.cram, <name>.ubam.bam... and the
    // index as <name>.bam.bai / <name>.cram.crai.
    static QString defaultFileName(const ReadSetMetadata& metadata, const QString& file);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void fetchMetadata(int round);
    void download(const ReadSetMetadata& metadata);

    QPointer<OmicsConnection> m_connection;
    ReadSetDownloadOptions m_options;
    std::unique_ptr<QObject> m_context;
    std::unique_ptr<ReadSetDownloadAdapter> m_adapter;
    std::unique_ptr<PartDownloadEngine> m_engine;
};

} // namespace bge::omics
