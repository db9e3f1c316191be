#include "taxonprofiles.h"

#include "api/platformapi.h"
#include "common/pendingjob.h"

namespace bge::ui {

// One sample's profile while its pages come in; dropping it aborts the page in flight.
struct TaxonProfiles::Fetch
{
    PendingJob job;
    QList<bge::TaxonAbundance> taxa;
};

TaxonProfiles::TaxonProfiles(PlatformApi* api, QObject* parent) : QObject(parent), m_api(api) {}

TaxonProfiles::~TaxonProfiles() = default;

int TaxonProfiles::readyCount() const
{
    int ready = 0;
    for (const QString& id : m_wanted)
        ready += m_profiles.contains(id) ? 1 : 0;
    return ready;
}

void TaxonProfiles::request(const QStringList& biosampleIds)
{
    m_wanted = biosampleIds;
    m_wanted.removeDuplicates();
    for (auto it = m_fetches.begin(); it != m_fetches.end();) {
        if (m_wanted.contains(it->first))
            ++it;
        else
            it = m_fetches.erase(it); // aborts its page
    }
    m_queue.clear();
    for (const QString& id : std::as_const(m_wanted)) {
        if (!m_profiles.contains(id) && !m_fetches.contains(id))
            m_queue.append(id);
    }
    if (!m_api)
        m_queue.clear();
    startMore();
    if (!isBusy())
        Q_EMIT settled();
}

void TaxonProfiles::startMore()
{
    while (m_fetches.size() < size_t(kInFlight) && !m_queue.isEmpty()) {
        const QString id = m_queue.takeFirst();
        m_fetches.emplace(id, std::make_unique<Fetch>());
        fetchPage(id, {});
    }
}

void TaxonProfiles::fetchPage(const QString& biosampleId, const PageToken& page)
{
    Fetch* fetch = m_fetches.at(biosampleId).get();
    fetch->job.run<Page<bge::TaxonAbundance>>(
        m_api->taxonAbundance(biosampleId, {}, page, kPageSize), this,
        [this, biosampleId, fetch](const Result<Page<bge::TaxonAbundance>>& result) {
            // Erasing the entry here drops the PendingJob running this handler: safe, as the
            // handler and its guard belong to the job's connection, and `fetch` is not touched
            // after it. (A fetch dropped by a new selection is the case ASan caught when the
            // guard lived in the PendingJob.)
            if (!result) {
                const ApiError error = result.error();
                m_fetches.erase(biosampleId);
                Q_EMIT failed(biosampleId, error);
                settleIfDone();
                return;
            }
            fetch->taxa.append(result->items);
            // A page that brings nothing new ends the profile, whatever its cursor says.
            if (result->hasNext() && !result->items.isEmpty()) {
                fetchPage(biosampleId, *result->next);
                return;
            }
            m_profiles.insert(biosampleId, std::move(fetch->taxa));
            m_fetches.erase(biosampleId);
            Q_EMIT profileReady(biosampleId);
            settleIfDone();
        });
}

void TaxonProfiles::settleIfDone()
{
    startMore();
    if (!isBusy())
        Q_EMIT settled();
}

} // namespace bge::ui
