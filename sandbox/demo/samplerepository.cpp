#include "samplerepository.h"

#include "demorandom.h"
#include "platformcodes.h"

namespace bge::sandbox {

using namespace Qt::StringLiterals;

SampleRepository::SampleRepository(QList<Sample> initial) : m_samples(std::move(initial))
{
    m_position.reserve(m_samples.size());
    for (qsizetype i = 0; i < m_samples.size(); ++i)
        m_position.insert(m_samples[i].biosampleId, i);
}

std::optional<Sample> SampleRepository::find(const QString& biosampleId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_position.constFind(biosampleId);
    if (it == m_position.cend())
        return std::nullopt;
    return m_samples.at(*it);
}

void SampleRepository::forEachVisible(const Principal& principal,
                                      const std::function<bool(const Sample&)>& visit) const
{
    std::lock_guard lock(m_mutex);
    for (const Sample& s : m_samples) {
        if (s.isVisibleTo(principal) && !visit(s))
            return;
    }
}

std::optional<Sample> SampleRepository::findByExternalId(const Principal& principal,
                                                         const QString& externalId, int site,
                                                         const QString& projectId) const
{
    std::lock_guard lock(m_mutex);
    for (const Sample& s : m_samples) {
        if (s.isVisibleTo(principal) && s.externalSampleId == externalId && (site == 0 || s.site == site) &&
            (projectId.isEmpty() || s.projectIds.contains(projectId)))
            return s;
    }
    return std::nullopt;
}

QString SampleRepository::add(Sample sample, quint64 seed)
{
    std::lock_guard lock(m_mutex);
    DemoRandom rng = DemoRandom::derive(seed, u"register:" + QString::number(m_samples.size()));
    const char16_t letter = findCode(biosampleSites(), sample.site)->idLetter;
    do {
        sample.biosampleId = u"E-"_s + QChar(letter) + u"26"_s + rng.digits(9);
    } while (m_position.contains(sample.biosampleId));
    const QString id = sample.biosampleId;
    m_position.insert(id, m_samples.size());
    m_samples.append(std::move(sample));
    return id;
}

void SampleRepository::replace(const Sample& sample)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_position.constFind(sample.biosampleId); it != m_position.cend())
        m_samples[*it] = sample;
}

} // namespace bge::sandbox
