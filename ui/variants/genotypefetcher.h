#pragma once

#include "api/records/variant.h"

#include <QCache>
#include <QObject>
#include <QPointer>

namespace bge {
class JobBase;
class PlatformApi;
} // namespace bge

namespace bge::ui {

// Fetches several samples' calls at the same rsids, one GET /variants per sample with at most
// kInFlight of them running (a selection of fifty samples must not open fifty connections at
// once), and keeps the answers per (sample, rsid set) so going back to a selection costs
// nothing. cancel() aborts what is queued and running; nothing from before it is reported.
class GenotypeFetcher final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kInFlight = 2;
    // Answers kept; a 100-rsid answer is tens of kilobytes.
    static constexpr int kCached = 256;

    explicit GenotypeFetcher(PlatformApi* api, QObject* parent = nullptr);
    // What is still in flight is aborted: no request outlives the view that asked.
    ~GenotypeFetcher() override;

    // The answer already fetched for this sample and rsid set (in any order), or nullptr.
    const QList<bge::Variant>* cached(const QString& biosampleId, const QStringList& rsids) const;
    // Queues the sample; reported by fetched() or failed(), then idle() once nothing is left.
    void fetch(const QString& biosampleId, const QStringList& rsids);
    void cancel();
    bool isRunning() const { return !m_queue.isEmpty() || !m_running.isEmpty(); }

Q_SIGNALS:
    void fetched(const QString& biosampleId, const QList<bge::Variant>& variants);
    void failed(const QString& biosampleId, const bge::ApiError& error);
    void idle();

private:
    struct Request
    {
        QString biosampleId;
        QStringList rsids;
    };

    static QString cacheKey(const QString& biosampleId, const QStringList& rsids);
    void startNext();

    PlatformApi* m_api;
    QList<Request> m_queue;
    QList<QPointer<JobBase>> m_running;
    QCache<QString, QList<bge::Variant>> m_cache{kCached};
    // Bumped by cancel(): an answer to an older generation is dropped.
    quint64 m_generation = 0;
};

} // namespace bge::ui
