#pragma once

// What the HealthOmics suites share: waiting for a job (processing events: fine in tests,
// never in product code) and a scratch environment for the AWS settings resolver.
#include "api/job.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
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
