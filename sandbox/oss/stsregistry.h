#pragma once

#include "stsgrant.h"

#include <QHash>

#include <functional>
#include <mutex>
#include <optional>

namespace bge::sandbox {

// Thread-safe record of every STS credential the sandbox issued, keyed by AccessKeyId.
// The API server adds to it; the object-storage server looks credentials up to verify signatures.
// Expired grants are pruned whenever one is added, so a long-running sandbox does not grow
// without limit; they are kept for a grace period first (sandbox convention: real OSS answers
// SecurityTokenExpired for an expired STS token, which tells clients to fetch new
// credentials; a grant pruned long after its expiry is simply unknown, InvalidAccessKeyId).
class StsRegistry final
{
public:
    static constexpr qint64 kDefaultGraceSeconds = 3600;

    explicit StsRegistry(qint64 graceSeconds = kDefaultGraceSeconds,
                         std::function<QDateTime()> clock = {}); // clock for tests; default: now (UTC)

    void add(const StsGrant& grant);
    std::optional<StsGrant> find(const QString& accessKeyId) const;
    qsizetype size() const; // for tests

private:
    QDateTime now() const;

    const qint64 m_graceSeconds;
    const std::function<QDateTime()> m_clock;
    mutable std::mutex m_mutex;
    QHash<QString, StsGrant> m_grants;
};

} // namespace bge::sandbox
