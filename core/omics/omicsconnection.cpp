#include "omicsconnection.h"

#include "aws/sigv4.h"
#include "awscredentialsprovider.h"
#include "awssettings.h"
#include "requestpacer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {
constexpr QByteArrayView kService = "omics";
}

OmicsConnection::OmicsConnection(OmicsEndpoint endpoint, QString region, AwsCredentialsProvider* credentials,
                                 QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_region(std::move(region)),
      m_credentials(credentials), m_network(network), m_pacer(new RequestPacer(this))
{
}

Result<OmicsConnection*> OmicsConnection::create(const AwsSettings& settings, QNetworkAccessManager* network,
                                                 QObject* parent)
{
    Result<OmicsEndpoint> endpoint = settings.resolveEndpoint();
    if (!endpoint)
        return endpoint.error();
    if (settings.region.isEmpty())
        return ApiError::usage(u"no AWS region to sign for: set AWS_REGION or pass --region"_s);
    Result<AwsCredentialsProvider*> provider = createCredentialsProvider(settings, nullptr);
    if (!provider)
        return provider.error();
    auto* connection =
        new OmicsConnection(endpoint.value(), settings.region, provider.value(), network, parent);
    provider.value()->setParent(connection);
    return connection;
}

QByteArray OmicsConnection::userAgent()
{
    return "BGE-Desktop/" BGE_VERSION " (" + QSysInfo::prettyProductName().toUtf8() +
           "; Qt " QT_VERSION_STR ")";
}

QUrl OmicsConnection::urlFor(const OmicsRequest& request) const
{
    return m_endpoint.url(request.operation, request.path, request.encodedQuery());
}

QNetworkRequest OmicsConnection::signedRequest(const OmicsRequest& request,
                                               const aws::AwsCredentials& credentials,
                                               const QDateTime& now) const
{
    const OperationInfo& info = operationInfo(request.operation);
    const QUrl url = urlFor(request);
    aws::SigV4::Request toSign;
    toSign.method = info.method;
    toSign.path = url.path(QUrl::FullyEncoded).toLatin1();
    toSign.query = request.query;
    toSign.setHeader("Host", OmicsEndpoint::hostHeader(url));
    QByteArray payloadHash;
    if (info.jsonBody) {
        toSign.setHeader("Content-Type", "application/json");
        payloadHash = aws::SigV4::payloadHash(request.jsonBody);
    } else if (request.rawBody) {
        // Like the JS SDK: a stated type keeps Qt from choosing one, and the payload is not
        // hashed (a 100 MiB part would be read twice): UNSIGNED-PAYLOAD, as the model says.
        toSign.setHeader("Content-Type", "application/octet-stream");
        payloadHash = aws::SigV4::kUnsignedPayload.toByteArray();
    } else {
        payloadHash = aws::SigV4::kEmptyPayloadHash.toByteArray();
    }
    aws::SigV4::sign(toSign, credentials, now, m_region.toLatin1(), kService, payloadHash);

    QNetworkRequest r(url);
    for (const auto& [name, value] : toSign.headers)
        r.setRawHeader(name, value);
    r.setRawHeader("User-Agent", userAgent());
    if (request.rawBody)
        r.setHeader(QNetworkRequest::ContentLengthHeader, request.rawLength);
    else if (!info.jsonBody && info.method != "GET")
        r.setHeader(QNetworkRequest::ContentLengthHeader, 0); // as botocore: an explicit empty body
    r.setTransferTimeout(m_timeoutMs);
    // A redirect would carry a signed request elsewhere: never follow one.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return r;
}

QNetworkReply* OmicsConnection::send(const OmicsRequest& request, const aws::AwsCredentials& credentials,
                                     QIODevice* rawBody) const
{
    const OperationInfo& info = operationInfo(request.operation);
    const QNetworkRequest r = signedRequest(request, credentials, QDateTime::currentDateTimeUtc());
    if (info.jsonBody)
        return m_network->sendCustomRequest(r, info.method, request.jsonBody);
    if (rawBody)
        return m_network->sendCustomRequest(r, info.method, rawBody);
    // No device at all: Qt then adds no Content-Type of its own.
    return m_network->sendCustomRequest(r, info.method);
}

} // namespace bge::omics
