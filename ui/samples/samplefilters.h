#pragma once

#include "api/queries.h"

#include <QStringList>

#include <optional>

class QSettings;

namespace bge::ui {

// The server-side filters of the sample list as the user set them. Ids are typed in one box:
// the ones shaped like biosample ids filter directly, the others are taken as the user's own
// external sample ids and looked up first (GET /samples/external_ids).
struct SampleFilters
{
    QList<int> sites;
    QList<int> omics;
    QList<int> organisms;
    QList<int> statuses;
    QStringList projectIds;
    std::optional<bool> dataAvailability;
    QStringList ids;

    QStringList biosampleIds() const;
    QStringList externalIds() const;
    // Every filter but the external ids, which only a lookup can turn into biosample ids.
    SampleQuery query() const;
    bool isEmpty() const;
    // How many kinds of filter are set (sites, omics … ids): shown when the bar is folded away.
    int activeCount() const;

    // "E-B12345678901, ZK001  P-W1;" → the items, in order, without blanks.
    static QStringList splitList(const QString& text);
    static bool looksLikeBiosampleId(const QString& text);

    void save(QSettings& settings) const;
    static SampleFilters load(QSettings& settings);

    bool operator==(const SampleFilters& other) const = default;
};

} // namespace bge::ui
