#include "apiconnection.h"

#include <QHostAddress>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSysInfo>

namespace bge {

using namespace Qt::StringLiterals;

bool isLoopbackHost(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ApiConnection::ApiConnection(QUrl baseUrl, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)), m_network(network), m_acceptLanguage(systemAcceptLanguage())
{
}

QByteArray ApiConnection::userAgent()
{
    return "BGE-Desktop/" BGE_VERSION " (" + QSysInfo::prettyProductName().toUtf8() + "; Qt " QT_VERSION_STR ")";
}

QByteArray ApiConnection::systemAcceptLanguage()
{
    QByteArray header;
    double weight = 1.0;
    for (const QString& language : QLocale::system().uiLanguages()) {
        if (!header.isEmpty())
            header += ',';
        header += language.toLatin1();
        if (weight < 1.0)
            header += ";q=" + QByteArray::number(weight, 'f', 1);
        weight = std::max(0.1, weight - 0.1);
        if (header.size() > 200)
            break;
    }
    if (!header.contains("en"))
        header += header.isEmpty() ? "en" : ",en;q=0.5";
    return header;
}

QUrl ApiConnection::urlFor(const ApiRequest& request) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + request.path, QUrl::TolerantMode);
    if (request.method == ApiRequest::Method::Get && !request.params.isEmpty())
        url.setQuery(QString::fromLatin1(formEncode(request.params)), QUrl::TolerantMode);
    return url;
}

QNetworkReply* ApiConnection::send(const ApiRequest& request, const QString& bearerToken,
                                   const QByteArray& requestId) const
{
    ApiRequest sent = request;
    if (request.introspectsBearer)
        sent.params.append({QStringLiteral("token"), bearerToken});
    QNetworkRequest r(urlFor(sent));
    r.setRawHeader("User-Agent", userAgent());
    r.setRawHeader("Accept", "application/json");
    r.setRawHeader("Accept-Language", m_acceptLanguage);
    r.setRawHeader("X-Request-Id", requestId);
    if (!bearerToken.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + bearerToken.toLatin1());
    r.setTransferTimeout(m_timeoutMs);
    // Redirects would carry the bearer token to wherever they point: never follow them.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (request.method == ApiRequest::Method::Get)
        return m_network->get(r);
    r.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    return m_network->post(r, formEncode(sent.params));
}

} // namespace bge
