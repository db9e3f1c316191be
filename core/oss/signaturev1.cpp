#include "signaturev1.h"

#include "httpdate.h"

#include <QMessageAuthenticationCode>

#include <algorithm>
#include <array>

namespace bge::oss::SignatureV1 {
namespace {

using namespace Qt::StringLiterals;

constexpr std::array kSubResources = {
    u"acl", u"append", u"bucketInfo", u"callback", u"callback-var", u"cname", u"comp", u"continuation-token",
    u"cors", u"delete", u"encryption", u"endTime", u"img", u"inventory", u"inventoryId", u"lifecycle", u"live",
    u"location", u"logging", u"objectMeta", u"partNumber", u"policy", u"position", u"qos", u"referer",
    u"replication", u"replicationLocation", u"replicationProgress", u"requestPayment", u"resourceGroup",
    u"response-cache-control", u"response-content-disposition", u"response-content-encoding",
    u"response-content-language", u"response-content-type", u"response-expires", u"restore",
    u"security-token", u"sequential", u"startTime", u"stat", u"status", u"style", u"styleName", u"symlink",
    u"tagging", u"uploadId", u"uploads", u"versionId", u"versioning", u"versions", u"vod", u"website",
    u"worm", u"wormExtend", u"wormId", u"x-oss-process", u"x-oss-request-payer", u"x-oss-traffic-limit",
};

} // namespace

bool isSubResource(QStringView name)
{
    return std::find(kSubResources.begin(), kSubResources.end(), name) != kSubResources.end();
}

QByteArray canonicalizedResource(const SignableRequest& request)
{
    QByteArray resource = "/";
    if (!request.bucket.isEmpty())
        resource += request.bucket.toUtf8() + '/' + request.key.toUtf8();

    QList<QPair<QString, QString>> subs;
    for (const auto& item : request.query) {
        if (isSubResource(item.first))
            subs.append(item);
    }
    if (subs.isEmpty())
        return resource;
    std::stable_sort(subs.begin(), subs.end(),
                     [](const auto& a, const auto& b) { return a.first.toUtf8() < b.first.toUtf8(); });
    resource += '?';
    for (qsizetype i = 0; i < subs.size(); ++i) {
        if (i > 0)
            resource += '&';
        resource += subs[i].first.toUtf8();
        if (!subs[i].second.isEmpty())
            resource += '=' + subs[i].second.toUtf8();
    }
    return resource;
}

QByteArray stringToSign(const SignableRequest& request, QByteArrayView dateLine)
{
    QList<QPair<QByteArray, QByteArray>> ossHeaders;
    for (const auto& [name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (lower.startsWith("x-oss-"))
            ossHeaders.append({lower, value.trimmed()});
    }
    std::stable_sort(ossHeaders.begin(), ossHeaders.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    QByteArray s = request.method.toUpper() + '\n' + request.header("Content-MD5") + '\n'
                   + request.header("Content-Type") + '\n' + dateLine.toByteArray() + '\n';
    for (const auto& [name, value] : ossHeaders)
        s += name + ':' + value + '\n';
    s += canonicalizedResource(request);
    return s;
}

QByteArray signature(QByteArrayView secret, QByteArrayView stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign.toByteArray(), secret.toByteArray(),
                                            QCryptographicHash::Sha1)
        .toBase64();
}

QByteArray headerDate(const SignableRequest& request)
{
    const QByteArray ossDate = request.header("x-oss-date");
    return ossDate.isEmpty() ? request.header("Date") : ossDate;
}

void signHeaders(SignableRequest& request, const OssCredentials& credentials, const QDateTime& now)
{
    request.setHeader("x-oss-date", toHttpDate(now));
    if (!credentials.securityToken.isEmpty())
        request.setHeader("x-oss-security-token", credentials.securityToken.toUtf8());
    const QByteArray sig = signature(credentials.accessKeySecret.toUtf8(),
                                     stringToSign(request, headerDate(request)));
    request.setHeader("Authorization", "OSS " + credentials.accessKeyId.toUtf8() + ':' + sig);
}

void presign(SignableRequest& request, const OssCredentials& credentials, qint64 expiresUnixSeconds)
{
    if (!credentials.securityToken.isEmpty())
        request.query.append({u"security-token"_s, credentials.securityToken});
    const QByteArray expires = QByteArray::number(expiresUnixSeconds);
    const QByteArray sig = signature(credentials.accessKeySecret.toUtf8(), stringToSign(request, expires));
    request.query.append({u"OSSAccessKeyId"_s, credentials.accessKeyId});
    request.query.append({u"Expires"_s, QString::fromLatin1(expires)});
    request.query.append({u"Signature"_s, QString::fromLatin1(sig)});
}

} // namespace bge::oss::SignatureV1
