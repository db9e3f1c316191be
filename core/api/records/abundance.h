#pragma once

#include "api/result.h"

#include <QJsonObject>
#include <QMap>

#include <optional>

namespace bge {

// The measurement every abundance record carries.
struct Observation
{
    std::optional<double> value;
    QString unit; // "percent"
    QString type; // "relative abundance"
};

// Where the sample stands in its reference cohort (taxon abundance only).
struct CohortBackground
{
    QString referenceCohort;
    QMap<int, double> percentiles; // 0, 5, 25, 50, 75, 95, 100 -> value
    std::optional<double> frequency;
    std::optional<double> mean;
    QString rankRatio; // ">=73%"
};

// GET /microbiome/taxon_abundance.
struct TaxonAbundance
{
    QString taxonId;
    QString taxonName;
    QString lineage;
    QString rank;
    Observation observation;
    CohortBackground background;
    QJsonObject raw;

    static Result<TaxonAbundance> fromJson(const QJsonValue& value);
};

// GET /microbiome/func_abundance.
struct FunctionAbundance
{
    QString functionId;
    QString name;
    QString system; // e.g. go_HUMAnN2_0.11
    Observation observation;
    QJsonObject raw;

    static Result<FunctionAbundance> fromJson(const QJsonValue& value);
};

// GET /microbiome/gene_abundance: either a gene's abundance (data_type=list) or a result
// file to download (data_type=file).
struct GeneAbundance
{
    QString geneId;
    QString geneName;
    QJsonObject annotation;
    Observation observation;
    QString catalog;
    QString dataType;
    QString fileObjectName;
    QString fileName;
    qint64 fileSize = -1;
    QString fileMd5;
    QJsonObject raw;

    bool isFile() const { return !fileObjectName.isEmpty(); }
    static Result<GeneAbundance> fromJson(const QJsonValue& value);
};

} // namespace bge
