#include "batchprogress.h"

#include <QCoreApplication>

namespace bge::cli {

BatchProgress::BatchProgress(int files, bool terminal) : m_files(files), m_terminal(terminal)
{
    if (terminal && files > 1)
        m_shared = std::make_unique<ProgressPrinter>(
            QCoreApplication::translate("bge::cli", "%n file(s)", nullptr, files), true);
}

BatchProgress::~BatchProgress() = default;

ProgressPrinter& BatchProgress::ownPrinter(int index, const QString& label)
{
    std::unique_ptr<ProgressPrinter>& printer = m_own[index];
    if (!printer)
        printer = std::make_unique<ProgressPrinter>(label, m_terminal);
    return *printer;
}

void BatchProgress::update(int index, const QString& label, qint64 done, qint64 total)
{
    if (!m_shared) {
        ownPrinter(index, label).update(done, total);
        return;
    }
    m_inFlight[index] = {done, qMax<qint64>(0, total)};
    // At most a few files are in flight: summing them each time is cheaper than bookkeeping.
    qint64 flyingDone = 0;
    qint64 flyingTotal = 0;
    for (const auto& [fileDone, fileTotal] : std::as_const(m_inFlight)) {
        flyingDone += fileDone;
        flyingTotal += fileTotal;
    }
    m_shared->update(m_finishedBytes + flyingDone, m_finishedBytes + flyingTotal);
}

void BatchProgress::finish(int index, const QString& label, bool counted)
{
    if (!m_shared) {
        ownPrinter(index, label).finish(counted);
        m_own.erase(index);
        return;
    }
    m_finishedBytes += m_inFlight.value(index).second;
    m_inFlight.remove(index);
    m_allCounted = m_allCounted && counted;
    if (++m_finished == m_files)
        m_shared->finish(m_allCounted);
}

} // namespace bge::cli
