#pragma once

#include "api/apierror.h"
#include "api/paging.h"
#include "api/records/abundance.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <map>
#include <memory>

namespace bge {
class PlatformApi;
}

namespace bge::ui {

// Whole taxon profiles (every page) of the samples being compared, fetched in the background
// and kept for the account's session, so selecting a sample again costs nothing. Only what is
// wanted is fetched: a new selection aborts the fetches of samples no longer in it.
class TaxonProfiles final : public QObject
{
    Q_OBJECT
public:
    explicit TaxonProfiles(PlatformApi* api, QObject* parent = nullptr);
    ~TaxonProfiles() override;

    // At most this many pages are fetched at once, one sample each.
    static constexpr int kInFlight = 2;
    // The platform's page limit for taxa: a profile is one call in practice.
    static constexpr int kPageSize = 1000;

    // The samples wanted now, in order. Profiles already held are ready at once; the rest are
    // queued. A failed sample is tried again when it is asked for again.
    void request(const QStringList& biosampleIds);
    void cancel() { request({}); }

    bool has(const QString& biosampleId) const { return m_profiles.contains(biosampleId); }
    QList<bge::TaxonAbundance> profile(const QString& biosampleId) const
    {
        return m_profiles.value(biosampleId);
    }
    const QStringList& wanted() const { return m_wanted; }
    int readyCount() const;
    bool isBusy() const { return !m_fetches.empty() || !m_queue.isEmpty(); }

Q_SIGNALS:
    void profileReady(const QString& biosampleId);
    void failed(const QString& biosampleId, const bge::ApiError& error);
    // Every wanted sample has its profile or its failure.
    void settled();

private:
    struct Fetch;
    void startMore();
    void fetchPage(const QString& biosampleId, const bge::PageToken& page);
    void settleIfDone();

    PlatformApi* m_api;
    QStringList m_wanted;
    QStringList m_queue;
    std::map<QString, std::unique_ptr<Fetch>> m_fetches;
    QHash<QString, QList<bge::TaxonAbundance>> m_profiles;
};

} // namespace bge::ui
