#pragma once

#include "api/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

namespace bge::omics {

// A multipart read-set upload: CreateMultipartReadSetUpload's answer and a
// ListMultipartReadSetUploads item (reference §2.6, §2.10). The model marks referenceArn (and
// generatedFrom in the list) required, yet the service leaves them out for FASTQ and UBAM
// uploads (the documentation's own example): they are optional here.
struct ReadSetUpload
{
    QJsonObject raw;
    QString sequenceStoreId;
    QString uploadId;
    QString sourceFileType;
    QString subjectId;
    QString sampleId;
    QString generatedFrom;
    QString referenceArn;
    QString name;
    QString description;
    QMap<QString, QString> tags;
    QDateTime creationTime;

    static Result<ReadSetUpload> fromJson(const QJsonValue& value, const QString& path = {});
};

// A ListReadSetUploadParts item (reference §2.11).
struct ReadSetUploadPart
{
    QJsonObject raw;
    int partNumber = 0;
    qint64 partSize = 0;
    QString partSource; // SOURCE1, SOURCE2
    QString checksum;   // opaque: echoed in Complete, never computed here
    QDateTime creationTime;
    QDateTime lastUpdatedTime;

    static Result<ReadSetUploadPart> fromJson(const QJsonValue& value, const QString& path = {});
};

// UploadReadSetPart's answer: the opaque checksum Complete must echo.
struct UploadedPart
{
    QString checksum;
    static Result<UploadedPart> fromJson(const QJsonValue& value, const QString& path = {});
};

// CompleteMultipartReadSetUpload's answer.
struct CompletedUpload
{
    QString readSetId;
    static Result<CompletedUpload> fromJson(const QJsonValue& value, const QString& path = {});
};

} // namespace bge::omics
