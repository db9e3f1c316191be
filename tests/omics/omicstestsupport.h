#pragma once

// What the HealthOmics suites share: waiting for a job (processing events: fine in tests,
// never in product code) and a scratch environment for the AWS settings resolver.
#include "api/job.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace bge::test {

inline constexpr int kOmicsWaitMs = 120000; // generous: a shared two-core machine

template <typename T> Result<T> awaitJob(Job<T>* job, int timeoutMs = kOmicsWaitMs)
{
    std::optional<Result<T>> outcome;
    QObject context;
    job->run(&context, [&outcome](const Result<T>& result) { outcome = result; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, timeoutMs)) {
        job->abort();
        return ApiError::timeout(QStringLiteral("the test gave up waiting for the job"));
    }
    return *outcome;
}

// `reads` FASTQ records of 150 random bases, deterministic from `seed`; `mate` (1 or 2) ends
// the read names with /1 or /2, as paired files have them.
inline QByteArray fastq(int reads, quint32 seed, int mate = 0)
{
    QRandomGenerator random(seed);
    static const char bases[] = "ACGT";
    QByteArray out;
    out.reserve(reads * 330);
    for (int i = 0; i < reads; ++i) {
        out += "@run1:1:FC:1:" + QByteArray::number(i) +
               (mate ? "/" + QByteArray::number(mate) : QByteArray()) + '\n';
        QByteArray seq(150, 'A');
        QByteArray qual(150, 'I');
        for (int k = 0; k < 150; ++k) {
            seq[k] = bases[random.bounded(4)];
            qual[k] = char('!' + random.bounded(41));
        }
        out += seq + "\n+\n" + qual + '\n';
    }
    return out;
}

inline bool writeFile(const QString& path, const QByteArray& content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return true;
}

} // namespace bge::test
