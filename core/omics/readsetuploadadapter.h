#pragma once

#include "omicsinputs.h"
#include "transfer/multipartadapter.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace bge {
class ConnectionPool;
}

namespace bge::omics {

class OmicsApi;
class OmicsConnection;

// HealthOmics read-set upload under MultipartEngine: CreateMultipartReadSetUpload (one
// clientToken for every attempt), UploadReadSetPart (partSource SOURCE<n>, UNSIGNED-PAYLOAD,
// Content-Length; its opaque checksum is the receipt), ListReadSetUploadParts per source
// following nextToken, CompleteMultipartReadSetUpload echoing every checksum (→ readSetId),
// AbortMultipartReadSetUpload; parts paced to the UploadReadSetPart quota.
class ReadSetUploadAdapter final : public MultipartAdapter
{
public:
    // `input` is what Create sends (its clientToken set: the same for a retry or a resume).
    ReadSetUploadAdapter(OmicsConnection* connection, QString storeId, CreateUploadInput input);
    ~ReadSetUploadAdapter() override;

    QString protocol() const override;
    void initiate(std::function<void(const InitiateReply&)> done) override;
    void uploadPart(const UploadPartRequest& part, std::function<void(qint64)> sent,
                    std::function<void(const UploadPartReply&)> done) override;
    void listParts(const QString& uploadId, int source,
                   std::function<void(const ListPartsReply&)> done) override;
    void complete(const QString& uploadId, const QList<UploadJournal::Part>& parts,
                  std::function<void(const CompleteReply&)> done) override;
    void abortUpload(const QString& uploadId, std::function<void()> done) override;
    void abandon(const QString& uploadId) override;
    void beforePart(std::function<void()> go) override;
    void stop() override;
    bool discardsUpload(const ApiError& error) const override;

    static QString partSource(int source);
    // Whether a service refusal proves an upload unusable (the upload or the store gone, or
    // Complete refused over its parts' checksums). Throttling, 5xx and time-outs never do.
    static bool provesUploadUnusable(const ApiError& error);

private:
    void sendPartDirect(const UploadPartRequest& part, std::function<void(qint64)> sent,
                        std::function<void(const UploadPartReply&)> done);
    void sendPartThroughQt(const UploadPartRequest& part, std::function<void(qint64)> sent,
                           std::function<void(const UploadPartReply&)> done);
    void listPage(const QString& uploadId, int source, const QString& token, QList<UploadJournal::Part> found,
                  std::function<void(const ListPartsReply&)> done);
    bool direct() const;

    QPointer<OmicsConnection> m_connection;
    std::unique_ptr<OmicsApi> m_api;
    QString m_storeId;
    CreateUploadInput m_input;
    // Every request and callback hangs off this object: stop() deletes it, and with it
    // every answer still to come.
    std::unique_ptr<QObject> m_context;
    ConnectionPool* m_pool = nullptr; // child of m_context
    // Set while a Create is in flight: stop() hands it over so that what it creates is aborted.
    std::shared_ptr<bool> m_createOrphaned;
};

} // namespace bge::omics
