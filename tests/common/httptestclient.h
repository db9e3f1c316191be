#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace bge::test {

struct HttpResult
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const; // the parsed body (envelope for the API)
    int code() const { return json().value(u"code").toInt(-1); }
    QString msg() const { return json().value(u"msg").toString(); }
    QJsonValue data() const { return json().value(u"data"); }
};

QString formEncode(const QUrlQuery& query);

// Plain HTTP calls against the sandbox for tests: never follows redirects, so that OAuth
// redirects can be inspected. Waits with QSignalSpy (acceptable in tests, never in product code).
class HttpTestClient final
{
public:
    explicit HttpTestClient(QString baseUrl) : m_base(std::move(baseUrl)) {}

    HttpResult get(const QString& path, const QUrlQuery& query = {}, const QString& bearer = {},
                   const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    HttpResult post(const QString& path, const QUrlQuery& form = {}, const QString& bearer = {});
    HttpResult send(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                    const QList<std::pair<QByteArray, QByteArray>>& headers);

    // A client-credentials access token.
    QString clientToken(const QString& clientId, const QString& secret);
    // A user's token through the whole authorization-code flow, approved with the sandbox's
    // auto-approve parameter. Also returns the refresh token through *refreshToken.
    QString userToken(const QString& autoApproveParameter, const QString& clientId, const QString& secret,
                      const QString& username, const QString& scope = {}, QString* refreshToken = nullptr);

    QString base() const { return m_base; }

private:
    QNetworkAccessManager m_nam;
    QString m_base;
};

} // namespace bge::test
