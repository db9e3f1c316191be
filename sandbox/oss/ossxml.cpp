#include "ossxml.h"

#include <QXmlStreamReader>

#include "xmltext.h"

namespace bge::sandbox::OssXml {

using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView kHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

QByteArray element(const char* name, const QString& value)
{
    return QByteArray("  <") + name + '>' + xmlText(value) + "</" + name + ">\n";
}

} // namespace

QByteArray initiateResult(const QString& bucket, const QString& key, const QString& uploadId)
{
    return kHeader.toByteArray() + "<InitiateMultipartUploadResult>\n" + element("Bucket", bucket)
           + element("Key", key) + element("UploadId", uploadId) + "</InitiateMultipartUploadResult>\n";
}

QByteArray completeResult(const QString& location, const QString& bucket, const QString& key, const QByteArray& etag)
{
    return kHeader.toByteArray() + "<CompleteMultipartUploadResult>\n" + element("Location", location)
           + element("Bucket", bucket) + element("Key", key) + element("ETag", QString::fromLatin1(etag))
           + "</CompleteMultipartUploadResult>\n";
}

QByteArray listPartsResult(const QString& bucket, const QString& key, const QString& uploadId, int marker,
                           int maxParts, const QList<PartInfo>& parts)
{
    QByteArray body;
    int shown = 0;
    int last = marker;
    bool truncated = false;
    for (const PartInfo& p : parts) {
        if (p.number <= marker)
            continue;
        if (shown == maxParts) {
            truncated = true;
            break;
        }
        body += "  <Part>\n  " + element("PartNumber", QString::number(p.number)) + "  "
                + element("LastModified", p.lastModified.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s)) + "  "
                + element("ETag", QString::fromLatin1(p.etag)) + "  " + element("Size", QString::number(p.size))
                + "  " + element("HashCrc64ecma", QString::number(p.crc64)) + "  </Part>\n";
        last = p.number;
        ++shown;
    }
    return kHeader.toByteArray() + "<ListPartsResult>\n" + element("Bucket", bucket) + element("Key", key)
           + element("UploadId", uploadId) + element("PartNumberMarker", QString::number(marker))
           + element("NextPartNumberMarker", QString::number(last)) + element("MaxParts", QString::number(maxParts))
           + element("IsTruncated", truncated ? u"true"_s : u"false"_s) + body + "</ListPartsResult>\n";
}

std::optional<QList<QPair<int, QByteArray>>> parseCompleteRequest(const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    QList<QPair<int, QByteArray>> parts;
    if (!reader.readNextStartElement() || reader.name() != u"CompleteMultipartUpload")
        return std::nullopt;
    while (reader.readNextStartElement()) {
        if (reader.name() != u"Part")
            return std::nullopt;
        int number = -1;
        QByteArray etag;
        while (reader.readNextStartElement()) {
            if (reader.name() == u"PartNumber") {
                bool ok = false;
                number = reader.readElementText().trimmed().toInt(&ok);
                if (!ok)
                    return std::nullopt;
            } else if (reader.name() == u"ETag") {
                etag = reader.readElementText().trimmed().toLatin1();
            } else {
                reader.skipCurrentElement();
            }
        }
        if (number < 1 || number > 10000 || etag.isEmpty())
            return std::nullopt;
        parts.emplaceBack(number, etag);
    }
    if (reader.hasError() || parts.isEmpty())
        return std::nullopt;
    return parts;
}

} // namespace bge::sandbox::OssXml
