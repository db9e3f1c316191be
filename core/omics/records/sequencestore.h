#pragma once

#include "api/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace bge::omics {

// A sequence store (ListSequenceStores item, GetSequenceStore answer: reference §2.1, §2.2).
struct SequenceStore
{
    QJsonObject raw;
    QString id;
    QString arn;
    QDateTime creationTime;
    QString name;
    QString description;
    QString status; // CREATING, ACTIVE, UPDATING, DELETING, FAILED (or a newer value)
    QString statusMessage;
    QString fallbackLocation;
    QString eTagAlgorithmFamily;
    QString sseType; // KMS
    QString sseKeyArn;
    QString s3Uri; // s3Access (GetSequenceStore only)
    QString s3AccessPointArn;
    QStringList propagatedSetLevelTags;
    QDateTime updateTime;

    static Result<SequenceStore> fromJson(const QJsonValue& value, const QString& path = {});
};

} // namespace bge::omics
