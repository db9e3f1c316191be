#include "samplequeryresolver.h"

#include "api/platformapi.h"

namespace bge::ui {

using namespace Qt::StringLiterals;

SampleQueryResolver::~SampleQueryResolver()
{
    blockSignals(true); // the listeners may be going away too
    cancel();
}

void SampleQueryResolver::cancel()
{
    ++m_generation;
    if (JobBase* lookup = m_lookup.data()) {
        m_lookup = nullptr;
        lookup->abort();
    }
}

void SampleQueryResolver::resolve(PlatformApi* api, const SampleFilters& filters)
{
    cancel();
    const QStringList externalIds = filters.externalIds();
    if (externalIds.isEmpty() || !api) {
        Q_EMIT resolved(filters.query());
        return;
    }
    const quint64 generation = m_generation;
    const SampleQuery base = filters.query();
    m_lookup =
        api->externals({externalIds, std::nullopt, QString()})
            ->run(this, [this, generation, base, externalIds](const Result<QList<ExternalIdMapping>>& r) {
                if (generation != m_generation)
                    return;
                m_lookup = nullptr;
                if (!r.ok()) {
                    Q_EMIT failed(r.error());
                    return;
                }
                SampleQuery query = base;
                for (const ExternalIdMapping& m : r.value())
                    query.biosampleIds.append(m.biosampleId.toUpper());
                query.biosampleIds.removeDuplicates();
                if (query.biosampleIds.isEmpty())
                    Q_EMIT nothingMatches(
                        tr("No sample has the external id(s) %1.").arg(externalIds.join(u", "_s)));
                else
                    Q_EMIT resolved(query);
            });
}

} // namespace bge::ui
