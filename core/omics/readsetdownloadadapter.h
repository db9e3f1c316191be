#pragma once

#include "transfer/partdownload.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace bge::omics {

class OmicsConnection;

// GetReadSet under PartDownloadEngine: part N of `file` (SOURCE1, SOURCE2 or INDEX) of one
// read set, streamed to the engine as it arrives, each request after a slot of the 30 TPS
// quota and signed afresh.
class ReadSetDownloadAdapter final : public PartDownloadAdapter
{
public:
    ReadSetDownloadAdapter(OmicsConnection* connection, QString storeId, QString readSetId, QString file);
    ~ReadSetDownloadAdapter() override;

    void fetchPart(const DownloadPartRequest& part, std::function<bool(const char*, qint64)> write,
                   std::function<void(const ApiError&)> done) override;
    void beforePart(std::function<void()> go) override;
    void stop() override;

private:
    QPointer<OmicsConnection> m_connection;
    QString m_storeId;
    QString m_readSetId;
    QString m_file;
    // Every request hangs off it and every callback checks m_alive: stop() mutes them at once
    // and hands the old context to the event loop to delete.
    QObject* m_context;
    std::shared_ptr<bool> m_alive;
};

} // namespace bge::omics
