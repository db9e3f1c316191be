#pragma once

#include "diskossstore.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace bge::sandbox::OssXml {

QByteArray initiateResult(const QString& bucket, const QString& key, const QString& uploadId);
QByteArray completeResult(const QString& location, const QString& bucket, const QString& key, const QByteArray& etag);
QByteArray listPartsResult(const QString& bucket, const QString& key, const QString& uploadId, int marker,
                           int maxParts, const QList<PartInfo>& parts);
// <CompleteMultipartUpload><Part><PartNumber>…</PartNumber><ETag>…</ETag></Part>…: the
// (number, ETag) pairs in document order, or nullopt when the XML is malformed.
std::optional<QList<QPair<int, QByteArray>>> parseCompleteRequest(const QByteArray& xml);

} // namespace bge::sandbox::OssXml
