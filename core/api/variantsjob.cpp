#include "variantsjob.h"

namespace bge {

VariantsJob::VariantsJob(QStringList rsids, int batchSize, BatchFactory makeBatch, QObject* parent)
    : Job(parent), m_rsids(std::move(rsids)), m_batchSize(batchSize), m_makeBatch(std::move(makeBatch))
{
}

int VariantsJob::batchCount() const
{
    return int((m_rsids.size() + m_batchSize - 1) / m_batchSize);
}

void VariantsJob::doStart()
{
    startNext();
}

void VariantsJob::doAbort()
{
    if (m_current)
        m_current->abort();
}

void VariantsJob::startNext()
{
    if (m_next >= m_rsids.size())
        return succeed(m_collected);
    const QStringList batch = m_rsids.mid(m_next, m_batchSize);
    m_next += batch.size();
    Job<QList<Variant>>* job = m_makeBatch(batch);
    m_current = job;
    job->run(this, [this](const Result<QList<Variant>>& result) {
        if (!result)
            return complete(result.error());
        m_collected += result.value();
        startNext();
    });
}

} // namespace bge
