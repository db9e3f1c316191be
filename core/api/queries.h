#pragma once

#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

namespace bge {

// Every filter of GET /samples. Empty lists and unset optionals are not sent.
struct SampleQuery
{
    QStringList biosampleIds;
    QList<int> sites;     // 1–15
    QList<int> omics;     // 1–2
    QStringList projectIds;
    QList<int> organisms; // 1–3
    QList<int> statuses;
    std::optional<bool> dataAvailability;
    bool requireFiles = false;
};

// POST /samples/register.
struct SampleRegistration
{
    QString externalSampleId;
    int site = 0;
    QString projectId;
    bool duplicateEnabled = false;
    QList<std::pair<QString, QString>> extraFields; // e.g. library_strategy=WGS
};

// GET /samples/external_ids.
struct ExternalIdQuery
{
    QStringList externalIds;
    std::optional<int> site;
    QString projectId;
};

// The nine function catalogs and two gene catalogs the platform knows.
QStringList functionCatalogs();
QStringList geneCatalogs();
QStringList geneDataTypes();

} // namespace bge
