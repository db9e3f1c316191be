#pragma once

#include "api/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace bge::omics {

// Known statuses (the service may add more; they are kept as text).
namespace ImportJobStatus {
inline constexpr QStringView Submitted = u"SUBMITTED";
inline constexpr QStringView InProgress = u"IN_PROGRESS";
inline constexpr QStringView Cancelling = u"CANCELLING";
inline constexpr QStringView Cancelled = u"CANCELLED";
inline constexpr QStringView Failed = u"FAILED";
inline constexpr QStringView Completed = u"COMPLETED";
inline constexpr QStringView CompletedWithFailures = u"COMPLETED_WITH_FAILURES";
// The waiter's terminal states (waiters-2.json ReadSetImportJobCompleted).
bool isTerminal(QStringView status);
} // namespace ImportJobStatus

// A ListReadSetImportJobs item, and StartReadSetImportJob's answer (reference §2.12, §2.14).
struct ImportJobSummary
{
    QJsonObject raw;
    QString id;
    QString sequenceStoreId;
    QString roleArn;
    QString status;
    QDateTime creationTime;
    QDateTime completionTime;

    static Result<ImportJobSummary> fromJson(const QJsonValue& value, const QString& path = {});
};

// One source of GetReadSetImportJob (ImportReadSetSourceItem).
struct ImportJobSource
{
    QJsonObject raw;
    QString source1;
    QString source2;
    QString sourceFileType;
    QString status; // NOT_STARTED, IN_PROGRESS, FINISHED, FAILED
    QString subjectId;
    QString sampleId;
    QString statusMessage;
    QString generatedFrom;
    QString referenceArn;
    QString name;
    QString description;
    QMap<QString, QString> tags;
    QString readSetId;

    static Result<ImportJobSource> fromJson(const QJsonValue& value, const QString& path = {});
};

// GetReadSetImportJob (reference §2.13).
struct ImportJob
{
    ImportJobSummary summary;
    QString statusMessage;
    QList<ImportJobSource> sources;

    static Result<ImportJob> fromJson(const QJsonValue& value, const QString& path = {});
};

} // namespace bge::omics
