#pragma once

#include "progressprinter.h"

#include <QHash>
#include <QString>

#include <map>
#include <memory>

namespace bge::cli {

// Progress of the files of one command, several of them in flight at once. Into a file or a
// pipe each file has its own lines, as when they went one by one (each line names its file).
// On a terminal a single file keeps its redrawn line; several share one line, their bytes
// summed: lines redrawn in place by files in flight together would overwrite each other.
class BatchProgress final
{
public:
    BatchProgress(int files, bool terminal);
    ~BatchProgress();

    void update(int index, const QString& label, qint64 done, qint64 total);
    // `counted`: the file's bytes crossed the network (not an already uploaded or downloaded one),
    // so its speed means something.
    void finish(int index, const QString& label, bool counted);

private:
    ProgressPrinter& ownPrinter(int index, const QString& label);

    int m_files;
    bool m_terminal;
    std::map<int, std::unique_ptr<ProgressPrinter>> m_own; // without a shared line
    std::unique_ptr<ProgressPrinter> m_shared;
    QHash<int, std::pair<qint64, qint64>> m_inFlight; // done, total of the files still running
    qint64 m_finishedBytes = 0;
    int m_finished = 0;
    bool m_allCounted = true;
};

} // namespace bge::cli
