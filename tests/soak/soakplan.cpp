#include "soakplan.h"

#include "common/testfiles.h"

using namespace Qt::StringLiterals;

namespace bge::test::soak {

QString clientName(Client client)
{
    switch (client) {
    case Client::BgeUpload:
        return u"bge upload"_s;
    case Client::BgeDownload:
        return u"bge download"_s;
    case Client::Desktop:
        return u"bge-desktop"_s;
    }
    return {};
}

qint64 drawSize(QRandomGenerator& r)
{
    const quint32 kind = r.bounded(100u);
    if (kind < 8)
        return 0;
    if (kind < 30)
        return 1 + r.bounded(qint64(kMiB));
    if (kind < 60)
        return kMiB + r.bounded(qint64(99 * kMiB));
    if (kind < 88)
        return 100 * kMiB + r.bounded(qint64(100 * kMiB));
    return 200 * kMiB + r.bounded(qint64(200 * kMiB));
}

RunPlan planRun(quint32 masterSeed, int index)
{
    QRandomGenerator master(masterSeed);
    RunPlan plan;
    plan.index = index;
    for (int i = 0; i <= index; ++i)
        plan.seed = master.generate();
    QRandomGenerator r(plan.seed);
    plan.size = drawSize(r);
    const quint32 client = r.bounded(100u);
    plan.client = client < 40 ? Client::BgeUpload : client < 70 ? Client::BgeDownload : Client::Desktop;
    plan.secondSize = plan.client == Client::Desktop ? drawSize(r) : 0;
    const quint32 jobs = 1 + r.bounded(6u);
    const quint32 partMiB = 1 + r.bounded(8u);
    if (plan.client == Client::BgeUpload) // `bge download` chooses its own parts
        plan.options = {u"--jobs"_s, QString::number(jobs), u"--part-size"_s, QString::number(partMiB) + u'M'};
    return plan;
}

KillPlan drawKill(QRandomGenerator& r, int attempt, int maxAttempts)
{
    KillPlan k;
    const quint32 percent = r.bounded(100u);
    const quint32 kind = r.bounded(3u);
    k.fraction = r.generateDouble();
    k.kill = attempt < maxAttempts - 1 && percent < (attempt == 0 ? 70u : 30u);
    k.atComplete = k.kill && kind == 0;
    return k;
}

} // namespace bge::test::soak
