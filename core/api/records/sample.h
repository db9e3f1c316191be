#pragma once

#include "api/result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace bge {

class JsonFields;

// {code, display} pairs the platform uses for organism, site, omics and status.
struct CodedValue
{
    int code = 0;
    QString display;
    bool isSet() const { return code != 0 || !display.isEmpty(); }
};

struct SampleProject
{
    QString projectId;
    QString projectName;
    QString publicDescription;
};

// A result file attached to a sample (with require_files=true).
struct SampleFile
{
    QString objectName;
    QString fileName;
    QString dataType;
    QString format;
    qint64 size = -1;
    QString md5;
    QJsonObject raw;
};

struct Sample
{
    QString biosampleId;
    QString externalSampleId;
    QString collectionTime;
    QString updateTime;
    CodedValue organism;
    CodedValue site;
    CodedValue omic;
    CodedValue status;
    QList<SampleProject> projects;
    std::optional<bool> dataAvailability;
    std::optional<bool> primary;
    QJsonObject sequencing;
    QJsonObject statistics;
    QList<SampleFile> files;
    bool filesRequested = false; // the response carried a "files" list
    QJsonObject raw;

    QStringList projectIds() const;
    static Result<Sample> fromJson(const QJsonValue& value);
};

// One line of GET /samples/external_ids.
struct ExternalIdMapping
{
    QString externalSampleId;
    QString biosampleId;
    QJsonObject raw;

    static Result<ExternalIdMapping> fromJson(const QJsonValue& value);
};

CodedValue readCodedValue(JsonFields& parent, QStringView key);

} // namespace bge
