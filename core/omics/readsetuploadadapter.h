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
struct ReadSetUpload;

// Called at the commit points, each before the step it announces is taken (after, for
// `created`): ReadSetUploadJob persists them so that a rerun after a kill at any of them finds
// what the service made. An error stops the step (the upload stays for a rerun).
struct ReadSetUploadHooks
{
    std::function<ApiError(const QString& clientToken)> creating;
    std::function<ApiError(const ReadSetUpload& upload)> created;
    std::function<ApiError(const QString& uploadId)> completing;
};

// HealthOmics read-set upload under MultipartEngine: CreateMultipartReadSetUpload (one
// clientToken for every attempt), UploadReadSetPart (partSource SOURCE<n>, UNSIGNED-PAYLOAD,
// Content-Length; its opaque checksum is the receipt), ListReadSetUploadParts per source
// following nextToken, CompleteMultipartReadSetUpload echoing every checksum (→ readSetId),
// AbortMultipartReadSetUpload; parts paced to the UploadReadSetPart quota.
class ReadSetUploadAdapter final : public MultipartAdapter
{
public:
    // `input` is what Create sends; its clientToken (generated when empty) goes with every
    // attempt of one Create, and is replaced only once it has made an upload.
    ReadSetUploadAdapter(OmicsConnection* connection, QString storeId, CreateUploadInput input);
    ~ReadSetUploadAdapter() override;

    void setHooks(ReadSetUploadHooks hooks) { m_hooks = std::move(hooks); }

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
    // A ValidationException in which the service speaks of the parts or their checksums.
    static bool refusesParts(const ApiError& error);

private:
    void sendPartDirect(const UploadPartRequest& part, std::function<void(qint64)> sent,
                        std::function<void(const UploadPartReply&)> done);
    void sendPartThroughQt(const UploadPartRequest& part, std::function<void(qint64)> sent,
                           std::function<void(const UploadPartReply&)> done);
    void listPage(const QString& uploadId, int source, const QString& token, QList<UploadJournal::Part> found,
                  std::function<void(const ListPartsReply&)> done);
    bool direct() const;
    template<typename Reply>
    void answerLater(std::function<void(const Reply&)> done, Reply reply);

    QPointer<OmicsConnection> m_connection;
    std::unique_ptr<OmicsApi> m_api;
    QString m_storeId;
    CreateUploadInput m_input;
    // Every request hangs off this object, and every callback checks m_alive: stop() mutes
    // them all at once and hands the old context to the event loop to delete.
    QObject* m_context;
    std::shared_ptr<bool> m_alive;
    std::unique_ptr<ConnectionPool> m_pool; // kept connections, for the adapter's lifetime
    // Set while a Create is in flight: stop() hands it over so that what it creates is aborted.
    std::shared_ptr<bool> m_createOrphaned;
    ReadSetUploadHooks m_hooks;
    bool m_tokenSpent = false;           // a Create succeeded with m_input.clientToken
    bool m_completeRefusedParts = false; // Complete said the listed parts cannot make a read set
};

} // namespace bge::omics
