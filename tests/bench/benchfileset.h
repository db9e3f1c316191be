#pragma once

#include "benchsandbox.h"
#include "clientrun.h"

#include "common/benchstats.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bge::bench {

// A folder of files of one size that a benchmark puts into the sandbox, by each client in turn.
struct FileSet
{
    QString tag; // "1000x64K"
    int count = 0;
    qint64 size = 0;
    QString dir;
    QStringList files; // absolute paths
    QStringList names;
    QList<quint64> crcs;
    qint64 bytes() const { return count * size; }
};

// "1000x64K,200x4M" -> two sets (no files yet); empty when the text is not that.
QList<FileSet> parseFileSets(const QString& spec);

using bge::test::median; // the benchmarks' one median (tests/common/benchstats.h)
// BGE_BENCH_ROUNDS, 2 when not set.
int benchRounds();

// Writes the set's files under `workDir`/set-<tag> (distinct seeds, one sync for all of them).
// A test failure when one cannot be written.
void writeFileSet(FileSet& set, const QString& workDir);

// Every object of the set under the sandbox's destination is its file (HEAD: size and CRC-64);
// then they all go, so that the next client starts from the same state. A test failure otherwise.
void verifyAndDeleteObjects(BenchSandbox& sandbox, const FileSet& set);

// The official ali-oss client run by tests/bench/alioss_objects.mjs: a plain script with
// `parallel` requests in flight, the peer. Found through the environment
// run_transfer_bench.sh sets, with the benchmark's work folder.
class AliossObjectsScript final
{
public:
    // Empty when everything it needs is there, otherwise what is missing.
    QString locate();
    // BGE_BENCH_WORK_DIR: where the benchmark keeps its files.
    const QString& workDir() const { return m_work; }
    // `op` "put" (the set's files to their keys) or "get" (the keys into `downloadDir`), through
    // a private config file in the work folder (it holds the sandbox's STS secrets).
    ClientRun run(BenchSandbox& sandbox, const QString& client, const FileSet& set, const QString& op,
                  int parallel, const QString& downloadDir = {}) const;

private:
    QString m_work, m_node, m_script, m_nodeModules;
};

} // namespace bge::bench
