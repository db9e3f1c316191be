#pragma once

#include "demotypes.h"

#include <QHash>
#include <QList>

#include <functional>
#include <mutex>
#include <optional>

namespace bge::sandbox {

// The platform's samples, mutable through register_sample / improve_sample. Thread-safe:
// handlers run on the HTTP server's worker threads.
class SampleRepository final
{
public:
    explicit SampleRepository(QList<Sample> initial);

    std::optional<Sample> find(const QString& biosampleId) const;
    // Calls `visit` with each sample the principal may see, in registration order, until it
    // returns false. No copies: a listing of 100,000 samples (--samples) costs one pass.
    // `visit` runs under the repository's lock and must not call back into it.
    void forEachVisible(const Principal& principal, const std::function<bool(const Sample&)>& visit) const;
    std::optional<Sample> findByExternalId(const Principal& principal, const QString& externalId, int site,
                                           const QString& projectId) const;
    // Adds a sample, assigning a fresh id with the site's letter. Returns the id.
    QString add(Sample sample, quint64 seed);
    void replace(const Sample& sample);

private:
    mutable std::mutex m_mutex;
    QList<Sample> m_samples;              // in registration order: a listing is one pass
    QHash<QString, qsizetype> m_position; // biosample id → index in m_samples
};

} // namespace bge::sandbox
