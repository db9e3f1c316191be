#pragma once

#include "apirequest.h"
#include "retrypolicy.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace bge {

class TokenProvider;

// 127.0.0.0/8, ::1 or localhost: the only hosts plain http:// may go to.
bool isLoopbackHost(const QString& host);

// The one place requests are built and sent (base URL, User-Agent, Accept-Language, bearer
// token, transfer timeout, request id). Shared by every job talking to one endpoint.
class ApiConnection final : public QObject
{
    Q_OBJECT
public:
    ApiConnection(QUrl baseUrl, QNetworkAccessManager* network, QObject* parent = nullptr);

    const QUrl& baseUrl() const { return m_baseUrl; }
    QNetworkAccessManager* network() const { return m_network; }

    void setTokenProvider(TokenProvider* provider) { m_tokens = provider; }
    TokenProvider* tokenProvider() const { return m_tokens; }

    // Inactivity timeout: a server that stops sending for this long fails the attempt.
    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }
    int transferTimeoutMs() const { return m_timeoutMs; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }
    const RetryPolicy& retryPolicy() const { return m_retry; }
    // BCP 47 list, e.g. "zh-CN,zh;q=0.9,en;q=0.8". Defaults to the system's UI languages.
    void setAcceptLanguage(const QByteArray& value) { m_acceptLanguage = value; }

    QUrl urlFor(const ApiRequest& request) const;
    // Sends one attempt; the caller owns the reply. `requestId` goes into X-Request-Id.
    QNetworkReply* send(const ApiRequest& request, const QString& bearerToken, const QByteArray& requestId) const;

    static QByteArray userAgent();
    static QByteArray systemAcceptLanguage();

private:
    QUrl m_baseUrl;
    QNetworkAccessManager* m_network;
    TokenProvider* m_tokens = nullptr;
    int m_timeoutMs = 30000;
    RetryPolicy m_retry;
    QByteArray m_acceptLanguage;
};

} // namespace bge
