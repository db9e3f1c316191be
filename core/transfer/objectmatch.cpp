#include "objectmatch.h"

#include "filecrc64job.h"
#include "ossuploadconnection.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace bge {

void ObjectMatch::check(OssUploadConnection* connection, const QString& filePath, qint64 fileSize, QObject* context,
                        Done done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "HEAD";
    call->done = [connection, filePath, fileSize, context = QPointer<QObject>(context),
                  done](const OssReply& r, FileWindowDevice*) {
        if (!context)
            return;
        if (r.error) {
            if (r.status == 404)
                done({}, {Verdict::Absent, 0, {}});
            else
                done(r.errorAt(u"HEAD %1"_s.arg(connection->key())), {});
            return;
        }
        bool ok = false;
        const quint64 remote = r.crc64.trimmed().toULongLong(&ok);
        // Without a CRC-64 (an object OSS never computed one for) nothing proves it is the file.
        if (!ok || r.size != fileSize) {
            done({}, {Verdict::Different, 0, QString::fromLatin1(r.etag)});
            return;
        }
        const QString etag = QString::fromLatin1(r.etag);
        auto* crc = new FileCrc64Job(filePath, fileSize, context);
        crc->run(context, [remote, etag, done](const Result<quint64>& local) {
            if (!local.ok()) {
                done(local.error(), {});
                return;
            }
            done({}, {local.value() == remote ? Verdict::Same : Verdict::Different, local.value(), etag});
        });
    };
    connection->send(call);
}

} // namespace bge
