#include "omicsendpoint.h"

#include "api/apiconnection.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace bge::omics {

using namespace Qt::StringLiterals;

bool isValidRegion(const QString& region)
{
    static const QRegularExpression pattern(u"^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$"_s);
    return pattern.match(region).hasMatch();
}

Result<OmicsEndpoint> OmicsEndpoint::forRegion(const QString& region)
{
    if (!isValidRegion(region))
        return ApiError::usage(
            u"“%1” is not an AWS region (for example us-east-1): set AWS_REGION or the profile's region"_s
                .arg(region.left(60)));
    OmicsEndpoint e;
    e.m_base = QUrl(u"https://omics."_s + region + u".amazonaws.com"_s);
    return e;
}

Result<OmicsEndpoint> OmicsEndpoint::overridden(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return ApiError::usage(u"“%1” is not an http(s) endpoint URL"_s.arg(url.toDisplayString().left(200)));
    if (scheme == u"http" && !isLoopbackHost(url.host()))
        return ApiError::usage(
            u"refusing plain http:// to %1: HealthOmics endpoints must use https://, except on this computer"_s
                .arg(url.host()));
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return ApiError::usage(u"the endpoint URL must have no query, fragment or user name"_s);
    OmicsEndpoint e;
    e.m_base = url.adjusted(QUrl::StripTrailingSlash);
    e.m_base.setScheme(scheme);
    e.m_override = true;
    return e;
}

QUrl OmicsEndpoint::url(Operation operation, const QByteArray& path, const QByteArray& encodedQuery) const
{
    QUrl url = m_base;
    if (!m_override)
        url.setHost(QString::fromLatin1(operationInfo(operation).hostPrefix) + m_base.host());
    url.setPath(m_base.path(QUrl::FullyEncoded) + QString::fromLatin1(path), QUrl::StrictMode);
    if (!encodedQuery.isEmpty())
        url.setQuery(QString::fromLatin1(encodedQuery), QUrl::StrictMode);
    return url;
}

QByteArray OmicsEndpoint::hostHeader(const QUrl& url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (QHostAddress(url.host()).protocol() == QAbstractSocket::IPv6Protocol)
        host = '[' + host + ']';
    const int port = url.port();
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (port != -1 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

} // namespace bge::omics
