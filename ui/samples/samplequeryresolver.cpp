#include "samplequeryresolver.h"

#include "api/platformapi.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace bge::ui {

using namespace Qt::StringLiterals;

SampleQueryResolver::~SampleQueryResolver()
{
    blockSignals(true); // the listeners may be going away too
    cancel();
}

void SampleQueryResolver::cancel()
{
    ++m_generation;
    const QList<QPointer<JobBase>> lookups = std::exchange(m_lookups, {});
    for (const QPointer<JobBase>& lookup : lookups) {
        if (lookup)
            lookup->abort();
    }
}

bool SampleQueryResolver::isBusy() const
{
    return std::any_of(m_lookups.cbegin(), m_lookups.cend(), [](const QPointer<JobBase>& j) { return bool(j); });
}

void SampleQueryResolver::resolve(PlatformApi* api, const SampleFilters& filters)
{
    cancel();
    const QStringList externalIds = filters.externalIds();
    if (externalIds.isEmpty() || !api) {
        Q_EMIT resolved(filters.query());
        return;
    }
    // The platform maps external ids within one project only (project_id is required, 41001
    // without it): a kit id may mean different samples in two projects. Rather than guess the
    // projects, ask the person to name them; with several, one lookup each, answers merged.
    if (filters.projectIds.isEmpty()) {
        Q_EMIT nothingMatches(tr("%1: external sample ids are looked up within a project. Enter the project "
                                 "id in the Project ids filter, or search by biosample id.")
                                  .arg(externalIds.join(u", "_s)));
        return;
    }
    const quint64 generation = m_generation;
    auto pending = std::make_shared<Pending>();
    pending->query = filters.query();
    pending->outstanding = int(filters.projectIds.size());
    for (const QString& project : filters.projectIds) {
        m_lookups.append(api->externals({externalIds, std::nullopt, project})
                             ->run(this, [this, generation, pending, externalIds](
                                             const Result<QList<ExternalIdMapping>>& r) {
                                 if (generation != m_generation)
                                     return;
                                 if (!r.ok()) {
                                     cancel(); // the other projects' answers would be incomplete
                                     Q_EMIT failed(r.error());
                                     return;
                                 }
                                 for (const ExternalIdMapping& m : r.value())
                                     pending->query.biosampleIds.append(m.biosampleId.toUpper());
                                 if (--pending->outstanding > 0)
                                     return;
                                 m_lookups.clear();
                                 finish(pending->query, externalIds);
                             }));
    }
}

void SampleQueryResolver::finish(SampleQuery query, const QStringList& externalIds)
{
    query.biosampleIds.removeDuplicates();
    if (query.biosampleIds.isEmpty())
        Q_EMIT nothingMatches(tr("No sample has the external id(s) %1.").arg(externalIds.join(u", "_s)));
    else
        Q_EMIT resolved(query);
}

} // namespace bge::ui
