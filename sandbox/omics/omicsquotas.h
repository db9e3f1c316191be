#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

namespace bge::sandbox::omics {

// The service's per-operation TPS quotas (HealthOmics API quotas; protocol reference §2.17),
// each a token bucket that refills at the quota's rate and holds at most one second's worth
// (sandbox convention: a burst equal to the rate). Thread-safe.
class OmicsQuotas final
{
public:
    explicit OmicsQuotas(bool enabled) : m_enabled(enabled) {}

    static double rateOf(const QString& operation);
    // Takes a token for the operation; false when its bucket is empty (→ ThrottlingException).
    bool admit(const QString& operation);

private:
    struct Bucket
    {
        double tokens = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    bool m_enabled;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace bge::sandbox::omics
