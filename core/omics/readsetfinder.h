#pragma once

#include "api/job.h"

#include <QDateTime>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace bge::omics {

class OmicsConnection;

// What an upload said its read set would be, to find the one its Complete made.
struct ReadSetLookup
{
    QString storeId;
    QString name;
    QString sampleId;
    QString subjectId;
    QDateTime createdAfter; // the upload's creation (the service's clock); invalid: any time
    QList<qint64> sizes;    // SOURCE1 (and SOURCE2) as the files are now
};

// The ids of the read sets that match a lookup: ListReadSets filtered by name, sample, subject,
// creationType UPLOAD and createdAfter (every page), those being deleted left out, then each
// one's GetReadSetMetadata compared with the sizes. HealthOmics has no "read set of upload X":
// this is how a run that sent Complete without hearing its answer finds what it made.
class ReadSetFinder final : public Job<QStringList>
{
    Q_OBJECT
public:
    ReadSetFinder(OmicsConnection* connection, ReadSetLookup lookup, QObject* parent = nullptr);
    ~ReadSetFinder() override;

protected:
    void doStart() override;
    void doAbort() override;

private:
    void listPage(const QString& token, QStringList found);
    void match(QStringList left, QStringList matched);

    QPointer<OmicsConnection> m_connection;
    ReadSetLookup m_lookup;
    std::unique_ptr<QObject> m_context; // every request's answer hangs off it
};

} // namespace bge::omics
