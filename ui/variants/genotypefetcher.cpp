#include "genotypefetcher.h"

#include "api/platformapi.h"

#include <utility>

namespace bge::ui {

using namespace Qt::StringLiterals;

GenotypeFetcher::GenotypeFetcher(PlatformApi* api, QObject* parent) : QObject(parent), m_api(api) {}

GenotypeFetcher::~GenotypeFetcher()
{
    cancel();
}

QString GenotypeFetcher::cacheKey(const QString& biosampleId, const QStringList& rsids)
{
    // A set: the same rsids typed in another order are the same question.
    QStringList sorted = rsids;
    sorted.sort();
    sorted.removeDuplicates();
    return biosampleId + u'|' + sorted.join(u',');
}

const QList<bge::Variant>* GenotypeFetcher::cached(const QString& biosampleId, const QStringList& rsids) const
{
    return m_cache.object(cacheKey(biosampleId, rsids));
}

void GenotypeFetcher::fetch(const QString& biosampleId, const QStringList& rsids)
{
    if (!m_api)
        return;
    m_queue.append({biosampleId, rsids});
    startNext();
}

void GenotypeFetcher::cancel()
{
    ++m_generation;
    m_queue.clear();
    // Taken first: an abort may finish its job at once, and its handler must find nothing.
    const QList<QPointer<JobBase>> running = std::exchange(m_running, {});
    for (const QPointer<JobBase>& job : running) {
        if (job)
            job->abort();
    }
}

void GenotypeFetcher::startNext()
{
    while (m_running.size() < kInFlight && !m_queue.isEmpty()) {
        const Request request = m_queue.takeFirst();
        Job<QList<bge::Variant>>* job = m_api->variants(request.biosampleId, request.rsids);
        m_running.append(job);
        const quint64 generation = m_generation;
        job->run(this, [this, generation, request, job](const Result<QList<bge::Variant>>& result) {
            if (generation != m_generation)
                return;
            m_running.removeIf([job](const QPointer<JobBase>& p) { return p.isNull() || p.data() == job; });
            if (result) {
                m_cache.insert(cacheKey(request.biosampleId, request.rsids),
                               new QList<bge::Variant>(result.value()));
                Q_EMIT fetched(request.biosampleId, result.value());
            } else {
                Q_EMIT failed(request.biosampleId, result.error());
            }
            // Whoever listens may have cancelled, or started afresh, meanwhile.
            if (generation != m_generation)
                return;
            startNext();
            if (!isRunning())
                Q_EMIT idle();
        });
    }
}

} // namespace bge::ui
