#include "coretestsupport.h"

#include "common/sandboxprocess.h"
#include "transfer/ossrequest.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

namespace bge::test {

using namespace Qt::StringLiterals;

QString describe(const ApiError& error)
{
    return ApiError::kindName(error.kind()) + u": "_s + error.fullText();
}

ClientStack::ClientStack(const QString& endpoint, const QString& clientId, const QString& secret)
    : clientSecret(secret), connection(QUrl(endpoint), &network), oauth(&connection, clientId),
      session(&oauth), api(&connection)
{
    connection.setTokenProvider(&session);
    session.setClientSecret(secret);
}

QString testRedirectUri()
{
    return u"http://127.0.0.1:53682/callback"_s;
}

namespace {

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QUrl location;
};

Reply get(QNetworkAccessManager& network, const QUrl& url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kWaitMs);
    QNetworkReply* reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    reply->deleteLater();
    return r;
}

} // namespace

AuthorizationRedirect autoApprove(QNetworkAccessManager& network, QUrl authorizationUrl,
                                  const QString& approveParameter, const QString& username)
{
    // Appended as text: the rest of the query stays exactly as OAuthClient encoded it.
    authorizationUrl.setQuery(authorizationUrl.query(QUrl::FullyEncoded) + u'&' +
                                  QString::fromLatin1(QUrl::toPercentEncoding(approveParameter)) + u'=' +
                                  QString::fromLatin1(QUrl::toPercentEncoding(username)),
                              QUrl::StrictMode);
    const Reply reply = get(network, authorizationUrl);
    AuthorizationRedirect r;
    r.status = reply.status;
    r.location = reply.location;
    const QUrlQuery back(reply.location);
    r.code = back.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    r.state = back.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    r.error = back.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    return r;
}

Result<TokenGrant> signIn(ClientStack& stack, const SandboxProcess& sandbox, const QString& username,
                          const QStringList& scopes)
{
    const Pkce pkce = Pkce::generate();
    const QString state = randomState();
    const QUrl url = stack.oauth.authorizationUrl(testRedirectUri(), state, scopes, pkce.challenge);
    const AuthorizationRedirect r = autoApprove(
        stack.network, url, sandbox.description().value(u"auto_approve_param").toString(), username);
    if (r.status != 302 || r.code.isEmpty())
        return ApiError::authentication(
            u"no code in the authorization redirect (HTTP %1, error \"%2\")"_s.arg(r.status).arg(r.error));
    if (r.state != state)
        return ApiError::authentication(u"the redirect carried another state"_s);
    return await(stack.oauth.exchangeCode(stack.clientSecret, r.code, testRedirectUri(), pkce.verifier));
}

std::unique_ptr<ClientStack> makeStack(const SandboxProcess& sandbox, const QString& clientId)
{
    return std::make_unique<ClientStack>(sandbox.apiEndpoint(), clientId,
                                         sandbox.clientById(clientId).value(u"client_secret").toString());
}

QByteArray fetch(QNetworkAccessManager& network, const QUrl& url, int* status)
{
    const Reply reply = get(network, url);
    if (status)
        *status = reply.status;
    return reply.body;
}

OssAnswer ossRequest(ClientStack& stack, const QByteArray& method, const QString& key,
                     const QList<QPair<QString, QString>>& query)
{
    const Result<UploadToken> token = await(stack.api.uploadToken());
    if (!token.ok())
        return {};
    const OssLocation location{QUrl(token->endpoint), token->bucket, token->regionId, OssSignatureVersion::V4};
    const oss::OssCredentials credentials{token->accessKeyId, token->accessKeySecret, token->securityToken,
                                          token->expiration};
    const QNetworkRequest request =
        signedOssRequest(location, credentials, method, key, query, {}, QDateTime::currentDateTimeUtc());
    QNetworkReply* reply = method == "HEAD" ? stack.network.head(request) : stack.network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, kWaitMs))
        reply->abort();
    OssAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.code = xmlText(a.body, u"Code"_s).toLatin1();
    a.crc64 = reply->rawHeader("x-oss-hash-crc64ecma");
    a.clientId = reply->rawHeader("x-oss-meta-bge-open-client-id");
    delete reply;
    return a;
}

} // namespace bge::test
