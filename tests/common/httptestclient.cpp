#include "httptestclient.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace bge::test {

using namespace Qt::StringLiterals;

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto& [n, v] : headers) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

// Every reserved character encoded ('+' included, which servers read as a space), as forms do.
QString formEncode(const QUrlQuery& query)
{
    QByteArray out;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded))
        out += (out.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    return QString::fromLatin1(out);
}

HttpResult HttpTestClient::send(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                                const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(60000);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    // HEAD through head(): as a custom verb Qt waits for the body its Content-Length announces,
    // until the server drops the idle connection (5 s with the sandbox).
    QNetworkReply* reply =
        verb == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(90000);
    HttpResult result;
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult HttpTestClient::get(const QString& path, const QUrlQuery& query, const QString& bearer,
                               const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QUrl url(m_base + path);
    url.setQuery(formEncode(query), QUrl::StrictMode);
    auto all = headers;
    if (!bearer.isEmpty())
        all.append({"Authorization", "Bearer " + bearer.toUtf8()});
    return send("GET", url, {}, all);
}

HttpResult HttpTestClient::post(const QString& path, const QUrlQuery& form, const QString& bearer)
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toUtf8()});
    return send("POST", QUrl(m_base + path), formEncode(form).toUtf8(), headers);
}

QString HttpTestClient::clientToken(const QString& clientId, const QString& secret)
{
    const HttpResult r = post(u"/oauth2/access_token"_s, QUrlQuery{{u"client_id"_s, clientId},
                                                                   {u"client_secret"_s, secret},
                                                                   {u"grant_type"_s, u"client_credentials"_s}});
    return r.data().toObject().value(u"access_token").toString();
}

QString HttpTestClient::userToken(const QString& autoApproveParameter, const QString& clientId,
                                  const QString& secret, const QString& username, const QString& scope,
                                  QString* refreshToken)
{
    const QString redirect = u"http://127.0.0.1:53682/callback"_s;
    QUrlQuery q{{u"client_id"_s, clientId}, {u"response_type"_s, u"code"_s}, {u"redirect_uri"_s, redirect},
                {u"state"_s, u"xyz"_s}, {autoApproveParameter, username}};
    if (!scope.isEmpty())
        q.addQueryItem(u"scope"_s, scope);
    const HttpResult authorize = get(u"/oauth2/authorize"_s, q);
    const QUrl location(QString::fromUtf8(authorize.header("Location")));
    const QString code = QUrlQuery(location).queryItemValue(u"code"_s);
    const HttpResult token = post(u"/oauth2/access_token"_s, QUrlQuery{{u"client_id"_s, clientId},
                                                                       {u"client_secret"_s, secret},
                                                                       {u"grant_type"_s, u"authorization_code"_s},
                                                                       {u"redirect_uri"_s, redirect},
                                                                       {u"code"_s, code}});
    if (refreshToken)
        *refreshToken = token.data().toObject().value(u"refresh_token").toString();
    return token.data().toObject().value(u"access_token").toString();
}

} // namespace bge::test
