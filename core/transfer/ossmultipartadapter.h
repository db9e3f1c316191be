#pragma once

#include "multipartadapter.h"

namespace bge {

class OssUploadConnection;

// OSS multipart upload under MultipartEngine: InitiateMultipartUpload, UploadPart (the
// part's CRC-64 checked against x-oss-hash-crc64ecma), ListParts, CompleteMultipartUpload
// (x-oss-forbid-overwrite unless overwriting; the object's CRC-64 checked against the parts'
// combined, by HEAD when Complete does not say), AbortMultipartUpload. One source.
class OssMultipartAdapter final : public MultipartAdapter
{
public:
    OssMultipartAdapter(OssUploadConnection* connection, bool overwrite);

    QString protocol() const override;
    void initiate(std::function<void(const InitiateReply&)> done) override;
    void uploadPart(const UploadPartRequest& part, std::function<void(qint64)> sent,
                    std::function<void(const UploadPartReply&)> done) override;
    void listParts(const QString& uploadId, int source, std::function<void(const ListPartsReply&)> done) override;
    void complete(const QString& uploadId, const QList<UploadJournal::Part>& parts,
                  std::function<void(const CompleteReply&)> done) override;
    void abortUpload(const QString& uploadId, std::function<void()> done) override;
    void abandon(const QString& uploadId) override;
    void stop() override;
    bool sameReceipt(const QString& a, const QString& b) const override;
    bool discardsUpload(const ApiError& error) const override;
    void findCompleted(const QList<UploadJournal::Part>& parts, std::function<void(const CompleteReply&)> done) override;

    // What the engine does with a refused UploadPart, by its OSS code.
    enum class PartRefusal {
        Final,   // the job stops (the upload is kept or discarded as discardsUpload says)
        Retry,   // transient after all (RequestTimeout: the body stalled): sent again after a pause
        Resend,  // the bytes arrived damaged (InvalidDigest, BadDigest, InvalidCRC64): sent again
    };
    static PartRefusal partRefusal(const QString& ossCode);

    // The CRC-64 of the object the parts make, in order.
    static quint64 combinedCrc(const QList<UploadJournal::Part>& parts);
    // The headers of a new object: its type, the client id, x-oss-forbid-overwrite.
    static QList<QPair<QByteArray, QByteArray>> objectHeaders(const QString& clientId, bool overwrite);
    // Deletes the object whose CRC-64 is wrong, then answers the error saying so.
    static void deleteDamaged(OssUploadConnection* connection, const QString& detail,
                              std::function<void(const ApiError&)> done);

private:
    void listPage(const QString& uploadId, const QString& marker, QList<UploadJournal::Part> found,
                  std::function<void(const ListPartsReply&)> done);
    void verifyByHead(const QString& etag, quint64 expected, std::function<void(const CompleteReply&)> done);

    OssUploadConnection* m_connection;
    bool m_overwrite;
};

} // namespace bge
