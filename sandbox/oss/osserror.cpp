#include "osserror.h"

#include "xmltext.h"

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

QByteArray escape(const QString& s)
{
    return xmlText(s);
}

OssError make(int status, QByteArray code, QString message, QByteArray ec = {})
{
    OssError e;
    e.status = status;
    e.code = std::move(code);
    e.message = std::move(message);
    e.ec = std::move(ec);
    return e;
}

} // namespace

QByteArray OssError::toXml(const QByteArray& requestId, const QString& hostId) const
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + code + "</Code>\n  <Message>"
                     + escape(message) + "</Message>\n  <RequestId>" + requestId + "</RequestId>\n  <HostId>"
                     + escape(hostId) + "</HostId>\n";
    for (const auto& [name, value] : extras)
        xml += "  <" + name + '>' + escape(value) + "</" + name + ">\n";
    if (!ec.isEmpty())
        xml += "  <EC>" + ec + "</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=" + ec + "</RecommendDoc>\n";
    return xml + "</Error>\n";
}

OssError OssError::accessDenied(const QString& message)
{
    return make(403, "AccessDenied", message, "0003-00000001");
}

OssError OssError::signatureDoesNotMatch(const QByteArray& stringToSign, const QByteArray& provided,
                                         const QString& accessKeyId)
{
    OssError e = make(403, "SignatureDoesNotMatch",
                      u"The request signature we calculated does not match the signature you provided. "
                      "Check your key and signing method."_s,
                      "0002-00000040");
    QByteArray hex;
    for (const char c : stringToSign)
        hex += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0') + ' ';
    e.extras = {{"StringToSign", QString::fromUtf8(stringToSign)},
                {"StringToSignBytes", QString::fromLatin1(hex.trimmed())},
                {"SignatureProvided", QString::fromLatin1(provided)},
                {"OSSAccessKeyId", accessKeyId}};
    return e;
}

OssError OssError::invalidAccessKeyId(const QString& accessKeyId)
{
    OssError e = make(403, "InvalidAccessKeyId", u"The OSS Access Key Id you provided does not exist in our records."_s,
                      "0002-00000002");
    e.extras = {{"OSSAccessKeyId", accessKeyId}};
    return e;
}

OssError OssError::invalidSecurityToken()
{
    return make(403, "InvalidSecurityToken", u"The security token you provided is invalid."_s, "0002-00000006");
}

OssError OssError::securityTokenExpired()
{
    return make(403, "SecurityTokenExpired", u"The security token you provided has expired."_s, "0002-00000007");
}

OssError OssError::requestTimeTooSkewed()
{
    return make(403, "RequestTimeTooSkewed",
                u"The difference between the request time and the current time is too large."_s, "0002-00000504");
}

OssError OssError::invalidArgument(const QString& message, const QString& name, const QString& value)
{
    OssError e = make(400, "InvalidArgument", message);
    if (!name.isEmpty())
        e.extras = {{"ArgumentName", name}, {"ArgumentValue", value}};
    return e;
}

OssError OssError::noSuchKey(const QString& key)
{
    OssError e = make(404, "NoSuchKey", u"The specified key does not exist."_s, "0026-00000001");
    e.extras = {{"Key", key}};
    return e;
}

OssError OssError::noSuchBucket(const QString& bucket)
{
    OssError e = make(404, "NoSuchBucket", u"The specified bucket does not exist."_s, "0015-00000101");
    e.extras = {{"BucketName", bucket}};
    return e;
}

OssError OssError::noSuchUpload(const QString& uploadId)
{
    OssError e = make(404, "NoSuchUpload",
                      u"The specified upload does not exist. The upload ID may be invalid, or the upload may have "
                      "been aborted or completed."_s,
                      "0042-00000002");
    e.extras = {{"UploadId", uploadId}};
    return e;
}

OssError OssError::invalidObjectName()
{
    return make(400, "InvalidObjectName", u"The specified object is not valid."_s, "0016-00000005");
}

OssError OssError::invalidPart()
{
    return make(400, "InvalidPart",
                u"One or more of the specified parts could not be found or the specified entity tag might not "
                "have matched the part's entity tag."_s,
                "0042-00000209");
}

OssError OssError::invalidPartOrder()
{
    return make(400, "InvalidPartOrder", u"The list of parts was not in ascending order."_s, "0042-00000210");
}

OssError OssError::entityTooSmall()
{
    return make(400, "EntityTooSmall", u"Your proposed upload smaller than the minimum allowed size."_s,
                "0042-00000213");
}

OssError OssError::entityTooLarge()
{
    return make(400, "EntityTooLarge", u"Your proposed upload exceeds the maximum allowed size."_s);
}

// Refused by x-oss-forbid-overwrite: true. The message is the one OSS sends; the documentation
// gives no EC for it, so none is made up.
OssError OssError::fileAlreadyExists()
{
    return make(409, "FileAlreadyExists", u"The object you specified already exists and can not be overwritten."_s);
}

OssError OssError::invalidDigest()
{
    return make(400, "InvalidDigest", u"The Content-MD5 you specified was invalid."_s, "0016-00000108");
}

OssError OssError::invalidCrc64()
{
    return make(400, "InvalidCRC64", u"The x-oss-hash-crc64ecma you specified does not match what we calculated."_s);
}

OssError OssError::malformedXml()
{
    return make(400, "MalformedXML",
                u"The XML you provided was not well-formed or did not validate against our published schema."_s);
}

OssError OssError::notImplemented(const QString& what)
{
    OssError e = make(501, "NotImplemented", u"A header or operation you provided implies functionality that is "
                                             "not implemented."_s);
    e.extras = {{"Header", what}};
    return e;
}

OssError OssError::serviceUnavailable()
{
    return make(503, "ServiceUnavailable", u"Please reduce your request rate."_s);
}

OssError OssError::internalError()
{
    return make(500, "InternalError", u"We encountered an internal error. Please try again."_s);
}

} // namespace bge::sandbox
