#include "samplerepository.h"

#include "demorandom.h"
#include "platformcodes.h"

namespace bge::sandbox {

using namespace Qt::StringLiterals;

SampleRepository::SampleRepository(QList<Sample> initial)
{
    for (Sample& s : initial) {
        m_order.append(s.biosampleId);
        m_samples.insert(s.biosampleId, std::move(s));
    }
}

std::optional<Sample> SampleRepository::find(const QString& biosampleId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_samples.constFind(biosampleId);
    if (it == m_samples.cend())
        return std::nullopt;
    return *it;
}

void SampleRepository::forEachVisible(const Principal& principal,
                                      const std::function<bool(const Sample&)>& visit) const
{
    std::lock_guard lock(m_mutex);
    for (const QString& id : m_order) {
        const Sample& s = m_samples[id];
        if (s.isVisibleTo(principal) && !visit(s))
            return;
    }
}

std::optional<Sample> SampleRepository::findByExternalId(const Principal& principal, const QString& externalId,
                                                         int site, const QString& projectId) const
{
    std::lock_guard lock(m_mutex);
    for (const QString& id : m_order) {
        const Sample& s = m_samples[id];
        if (s.isVisibleTo(principal) && s.externalSampleId == externalId && (site == 0 || s.site == site)
            && (projectId.isEmpty() || s.projectIds.contains(projectId)))
            return s;
    }
    return std::nullopt;
}

QString SampleRepository::add(Sample sample, quint64 seed)
{
    std::lock_guard lock(m_mutex);
    DemoRandom rng = DemoRandom::derive(seed, u"register:" + QString::number(m_order.size()));
    const char16_t letter = findCode(biosampleSites(), sample.site)->idLetter;
    do {
        sample.biosampleId = u"E-"_s + QChar(letter) + u"26"_s + rng.digits(9);
    } while (m_samples.contains(sample.biosampleId));
    m_order.append(sample.biosampleId);
    const QString id = sample.biosampleId;
    m_samples.insert(id, std::move(sample));
    return id;
}

void SampleRepository::replace(const Sample& sample)
{
    std::lock_guard lock(m_mutex);
    if (m_samples.contains(sample.biosampleId))
        m_samples[sample.biosampleId] = sample;
}

} // namespace bge::sandbox
