#pragma once

#include "samplefilters.h"

#include "api/apierror.h"
#include "api/job.h"

#include <QObject>
#include <QList>
#include <QPointer>

namespace bge {
class PlatformApi;
}

namespace bge::ui {

// Turns the filters into the query GET /samples takes. External sample ids are the user's own
// names for samples: the platform maps them to biosample ids first (GET /samples/external_ids).
// A new resolve() or cancel() drops the answer of the previous one.
class SampleQueryResolver final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SampleQueryResolver() override;

    // Emits resolved() at once when there is nothing to look up.
    void resolve(PlatformApi* api, const SampleFilters& filters);
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    void resolved(const bge::SampleQuery& query);
    // No sample has any of the ids: there is nothing to ask for (an empty id list would
    // mean "no filter" to the platform).
    void nothingMatches(const QString& reason);
    void failed(const bge::ApiError& error);

private:
    struct Pending
    {
        SampleQuery query; // the filters' query, gaining the biosample ids found
        int outstanding = 0;
    };
    void finish(SampleQuery query, const QStringList& externalIds);

    QList<QPointer<JobBase>> m_lookups; // one per project
    quint64 m_generation = 0;
};

} // namespace bge::ui
