#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace bge::oss {

// An object-storage request as a signature sees it. The client builds one to sign; the
// sandbox builds one from what arrived to verify. Header names compare case-insensitively.
struct SignableRequest
{
    QByteArray method;                      // upper case: GET, PUT, POST, DELETE, HEAD
    QString bucket;                         // empty for service-level requests
    QString key;                            // the raw (decoded) object key; empty for bucket-level
    QList<QPair<QString, QString>> query;   // decoded names and values, in order of appearance
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    void setHeader(const QByteArray& name, const QByteArray& value); // replaces any of that name
    bool hasQueryItem(QStringView name) const;
    QString queryItem(QStringView name) const;
};

} // namespace bge::oss
