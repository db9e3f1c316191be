#include "stsregistry.h"

namespace bge::sandbox {

void StsRegistry::add(const StsGrant& grant)
{
    std::lock_guard lock(m_mutex);
    m_grants.insert(grant.accessKeyId, grant);
}

std::optional<StsGrant> StsRegistry::find(const QString& accessKeyId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_grants.constFind(accessKeyId);
    if (it == m_grants.cend())
        return std::nullopt;
    return *it;
}

} // namespace bge::sandbox
