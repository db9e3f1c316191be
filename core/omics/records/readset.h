#pragma once

#include "api/result.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace bge::omics {

// Known values; the service may send newer ones, which are kept as they are.
namespace FileType {
inline constexpr QStringView Fastq = u"FASTQ";
inline constexpr QStringView Bam = u"BAM";
inline constexpr QStringView Cram = u"CRAM";
inline constexpr QStringView Ubam = u"UBAM";
} // namespace FileType

struct SequenceInformation
{
    std::optional<qint64> totalReadCount;
    std::optional<qint64> totalBaseCount;
    QString generatedFrom;
    QString alignment;
};

struct ReadSetETag
{
    QString algorithm;
    QString source1;
    QString source2;
};

// One of a read set's files (files.source1/source2/index of GetReadSetMetadata): part i
// (1-based) starts at byte (i-1)*partSize.
struct ReadSetFileInfo
{
    int totalParts = 0;
    qint64 partSize = 0;
    qint64 contentLength = 0;
    QString s3Uri;
};

// A ListReadSets item (reference §2.3).
struct ReadSetListItem
{
    QJsonObject raw;
    QString id;
    QString arn;
    QString sequenceStoreId;
    QString status;   // ARCHIVED, ACTIVATING, ACTIVE, DELETING, DELETED, PROCESSING_UPLOAD, UPLOAD_FAILED
    QString fileType; // FASTQ, BAM, CRAM, UBAM
    QDateTime creationTime;
    QString subjectId;
    QString sampleId;
    QString name;
    QString description;
    QString referenceArn;
    std::optional<SequenceInformation> sequenceInformation;
    QString statusMessage;
    QString creationType; // IMPORT, UPLOAD
    std::optional<ReadSetETag> etag;

    static Result<ReadSetListItem> fromJson(const QJsonValue& value, const QString& path = {});
};

// GetReadSetMetadata (reference §2.4): the list item's members plus files and the import job.
struct ReadSetMetadata
{
    ReadSetListItem readSet;
    std::optional<ReadSetFileInfo> source1;
    std::optional<ReadSetFileInfo> source2;
    std::optional<ReadSetFileInfo> index;
    QString creationJobId;

    // "SOURCE1", "SOURCE2" or "INDEX"; nullopt when the read set has no such file.
    std::optional<ReadSetFileInfo> file(QStringView which) const;
    static Result<ReadSetMetadata> fromJson(const QJsonValue& value, const QString& path = {});
};

} // namespace bge::omics
