#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace bge::omics {

// Paging of every List operation: maxResults 1–100 (unset: the service's default).
struct ListOptions
{
    std::optional<int> maxResults;
    QString nextToken;
};

struct SequenceStoreFilter
{
    QString name;
    QString status;
    QDateTime createdAfter;
    QDateTime createdBefore;
    QDateTime updatedAfter;
    QDateTime updatedBefore;
};

// Every member of the model's ReadSetFilter (reference §2.3).
struct ReadSetFilter
{
    QString name;
    QString status;
    std::optional<QString> referenceArn; // "" is a valid filter (read sets without a reference)
    QDateTime createdAfter;
    QDateTime createdBefore;
    QString sampleId;
    QString subjectId;
    QString generatedFrom;
    QString creationType; // IMPORT, UPLOAD
};

struct ImportJobFilter
{
    QString status;
    QDateTime createdAfter;
    QDateTime createdBefore;
};

struct UploadPartsFilter
{
    QDateTime createdAfter;
    QDateTime createdBefore;
};

// CreateMultipartReadSetUpload (reference §2.6). clientToken: generated when empty.
struct CreateUploadInput
{
    QString sourceFileType; // FASTQ, BAM, CRAM, UBAM
    QString subjectId;
    QString sampleId;
    QString name;
    QString generatedFrom;
    QString referenceArn; // required for BAM and CRAM
    QString description;
    QMap<QString, QString> tags;
    QString clientToken;
};

// One part in CompleteMultipartReadSetUpload.
struct CompletedPart
{
    QString partSource; // SOURCE1, SOURCE2
    int partNumber = 0;
    QString checksum; // exactly what UploadReadSetPart answered
};

// One source of StartReadSetImportJob.
struct ImportSourceInput
{
    QString source1; // s3://bucket/key
    QString source2;
    QString sourceFileType;
    QString subjectId;
    QString sampleId;
    QString generatedFrom;
    QString referenceArn;
    QString name;
    QString description;
    QMap<QString, QString> tags;
};

struct StartImportInput
{
    QString roleArn;
    QList<ImportSourceInput> sources;
    QString clientToken; // generated when empty
};

} // namespace bge::omics
