#pragma once

#include "stsgrant.h"

#include <QHash>

#include <mutex>
#include <optional>

namespace bge::sandbox {

// Thread-safe record of every STS credential the sandbox issued, keyed by AccessKeyId.
// The API server adds to it; the object-storage server looks credentials up to verify signatures.
class StsRegistry final
{
public:
    void add(const StsGrant& grant);
    std::optional<StsGrant> find(const QString& accessKeyId) const;

private:
    mutable std::mutex m_mutex;
    QHash<QString, StsGrant> m_grants;
};

} // namespace bge::sandbox
