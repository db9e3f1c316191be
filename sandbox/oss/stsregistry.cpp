#include "stsregistry.h"

namespace bge::sandbox {

StsRegistry::StsRegistry(qint64 graceSeconds, std::function<QDateTime()> clock)
    : m_graceSeconds(graceSeconds), m_clock(std::move(clock))
{
}

QDateTime StsRegistry::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void StsRegistry::add(const StsGrant& grant)
{
    const QDateTime horizon = now().addSecs(-m_graceSeconds);
    std::lock_guard lock(m_mutex);
    m_grants.removeIf([&horizon](QHash<QString, StsGrant>::iterator it) {
        return it->expiration.isValid() && it->expiration <= horizon;
    });
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

qsizetype StsRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return m_grants.size();
}

} // namespace bge::sandbox
