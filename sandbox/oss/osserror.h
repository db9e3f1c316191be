#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace bge::sandbox {

// An OSS error response: HTTP status, Code, Message and code-specific extra elements
// (oss-protocol.md section 5). Rendered as the documented <Error> XML.
struct OssError
{
    int status = 500;
    QByteArray code;
    QString message;
    QByteArray ec; // error-centre id, where the documentation gives one
    QList<QPair<QByteArray, QString>> extras;

    QByteArray toXml(const QByteArray& requestId, const QString& hostId) const;

    static OssError accessDenied(const QString& message);
    static OssError signatureDoesNotMatch(const QByteArray& stringToSign, const QByteArray& provided,
                                          const QString& accessKeyId);
    static OssError invalidAccessKeyId(const QString& accessKeyId);
    static OssError invalidSecurityToken();
    static OssError securityTokenExpired();
    static OssError requestTimeTooSkewed();
    static OssError invalidArgument(const QString& message, const QString& name = {}, const QString& value = {});
    static OssError noSuchKey(const QString& key);
    static OssError noSuchBucket(const QString& bucket);
    static OssError noSuchUpload(const QString& uploadId);
    static OssError invalidObjectName();
    static OssError invalidPart();
    static OssError invalidPartOrder();
    static OssError entityTooSmall();
    static OssError entityTooLarge();
    static OssError fileAlreadyExists();
    static OssError invalidDigest();
    static OssError invalidCrc64();
    static OssError malformedXml();
    static OssError notImplemented(const QString& what);
    static OssError serviceUnavailable();
    static OssError internalError();
};

} // namespace bge::sandbox
