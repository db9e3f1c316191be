#pragma once

#include "job.h"
#include "records/variant.h"

#include <QPointer>
#include <QStringList>

#include <functional>

namespace bge {

// get_variants for any number of rsids: the platform takes at most 100 per call, so the
// list is cut into batches sent one after the other; the results come back in the order
// the batches were asked. The first failing batch fails the job.
class VariantsJob final : public Job<QList<Variant>>
{
public:
    using BatchFactory = std::function<Job<QList<Variant>>*(const QStringList& batch)>;

    VariantsJob(QStringList rsids, int batchSize, BatchFactory makeBatch, QObject* parent = nullptr);

    int batchCount() const;

protected:
    void doStart() override;
    void doAbort() override;

private:
    void startNext();

    QStringList m_rsids;
    int m_batchSize;
    BatchFactory m_makeBatch;
    qsizetype m_next = 0;
    QList<Variant> m_collected;
    QPointer<JobBase> m_current;
};

} // namespace bge
