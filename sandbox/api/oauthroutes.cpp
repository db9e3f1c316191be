// OAuth 2.0: the authorization page, the token endpoint, introspection, ping.
#include "apicontext.h"
#include "authorizepage.h"
#include "demoworld.h"
#include "envelope.h"
#include "platformcodes.h"
#include "requestparams.h"

#include <QJsonArray>
#include <QUrl>

#include <httplib.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

bool isLoopbackRedirect(const QString& uri)
{
    // RFC 8252 §7.3: native apps listen on a loopback port of their choosing.
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || !url.fragment().isEmpty())
        return false;
    const QString host = url.host();
    return host == u"127.0.0.1" || host == u"localhost" || host == u"::1";
}

bool isAllowedRedirect(const DemoClient& client, const QString& uri)
{
    return client.redirectUris.contains(uri) || isLoopbackRedirect(uri);
}

QString withQuery(const QString& redirectUri, const QList<std::pair<QString, QString>>& items)
{
    QString url = redirectUri;
    for (const auto& [name, value] : items) {
        if (value.isNull())
            continue;
        url += (url.contains(u'?') ? u'&' : u'?') + name + u'='
               + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return url;
}

void sendHtml(httplib::Response& res, int status, const QByteArray& html)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(html.constData(), std::size_t(html.size()), "text/html; charset=utf-8");
}

void redirect(httplib::Response& res, const QString& url)
{
    res.set_redirect(url.toStdString(), 302);
    res.set_header("Cache-Control", "no-store");
}

// Validates an authorization request. Problems with the client or the redirect URI are
// shown on the page (never redirected to an unverified URI, RFC 6749 §4.1.2.1); the
// others go back to the client as ?error=…&state=….
struct Validation
{
    AuthorizeRequest request;
    bool handled = false; // a response was written
};

Validation validateAuthorize(const ApiContext& api, const RequestParams& params, httplib::Response& res)
{
    Validation v;
    AuthorizeRequest& r = v.request;
    r.clientId = params.value("client_id");
    r.redirectUri = params.value("redirect_uri");
    r.responseType = params.value("response_type");
    r.scope = params.value("scope");
    r.state = params.has("state") ? params.value("state") : QString();

    const DemoClient* client = api.world.findClient(r.clientId);
    if (!client) {
        sendHtml(res, 400, renderAuthorizeError(u"未知的应用 · Unknown application"_s,
                                                u"client_id is missing or not registered."_s));
        v.handled = true;
        return v;
    }
    r.clientName = client->name;
    if (r.redirectUri.isEmpty() || !isAllowedRedirect(*client, r.redirectUri)) {
        sendHtml(res, 400, renderAuthorizeError(u"回调地址无效 · Invalid redirect URI"_s,
                                                u"redirect_uri is missing or not registered for this application."_s));
        v.handled = true;
        return v;
    }
    // Sandbox convention: an error_description (RFC 6749 §4.1.2.1, English, for the developer)
    // where there is something to name, as the scope that is not the application's.
    const auto fail = [&](const QString& error, const QString& description = QString()) {
        redirect(res, withQuery(r.redirectUri, {{u"error"_s, error},
                                                {u"error_description"_s, description},
                                                {u"state"_s, r.state}}));
        v.handled = true;
    };
    if (r.responseType != u"code") {
        fail(u"unsupported_response_type"_s);
        return v;
    }
    if (client->grantType != GrantType::AuthorizationCode) {
        fail(u"unauthorized_client"_s);
        return v;
    }
    // Space-separated per RFC 6749; commas accepted too (the SDK's examples use them).
    const QStringList requested = QString(r.scope).replace(u',', u' ').split(u' ', Qt::SkipEmptyParts);
    for (const QString& s : requested) {
        if (!client->scopes.contains(s)) {
            fail(u"invalid_scope"_s, u"The scope \"%1\" is not granted to this application."_s.arg(s));
            return v;
        }
    }
    r.scopes = requested.isEmpty() ? client->scopes : requested;
    r.scopes.removeDuplicates();
    r.scopes.sort();

    // PKCE, sandbox convention (see pkce.h): optional; when sent it must be well-formed,
    // otherwise invalid_request. A method alone, without a challenge, is refused too.
    if (params.has("code_challenge")) {
        const std::optional<ChallengeMethod> method =
            params.has("code_challenge_method") ? parseChallengeMethod(params.value("code_challenge_method"))
                                                : ChallengeMethod::Plain; // RFC 7636 §4.3
        const QString challenge = params.value("code_challenge");
        if (!method || !isPkceString(challenge)) {
            fail(u"invalid_request"_s);
            return v;
        }
        r.codeChallenge = {challenge, *method};
    } else if (params.has("code_challenge_method")) {
        fail(u"invalid_request"_s);
        return v;
    }
    return v;
}

void approve(const ApiContext& api, const AuthorizeRequest& r, const QString& username, httplib::Response& res)
{
    const QString code = api.auth.issueCode(r.clientId, r.redirectUri, r.scopes, username, r.codeChallenge);
    redirect(res, withQuery(r.redirectUri, {{u"code"_s, code}, {u"state"_s, r.state}}));
}

QJsonObject tokenJson(const AccessGrant& g)
{
    QJsonObject o{{u"token_type"_s, u"Bearer"_s},
                  {u"access_token"_s, g.accessToken},
                  {u"scope"_s, g.scopes.join(u' ')},
                  {u"expires_in"_s, double(g.expiresIn)}};
    if (!g.refreshToken.isEmpty())
        o.insert(u"refresh_token"_s, g.refreshToken);
    return o;
}

void handleTokenRequest(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const RequestParams params(req);
    const auto clientId = params.required("client_id");
    const auto secret = params.required("client_secret");
    const auto grantType = params.required("grant_type");
    if (!clientId || !secret || !grantType)
        return sendError(res, ApiCode::InvalidParameter);

    // Unknown client, wrong secret, a grant the client may not use, an unknown/used/expired
    // code or refresh token, a mismatched redirect URI, a missing or wrong PKCE code_verifier:
    // all 400 错误的请求.
    const DemoClient* client = api.world.findClient(*clientId);
    if (!client || client->clientSecret != *secret)
        return sendError(res, ApiCode::BadRequest);

    std::optional<AccessGrant> grant;
    if (*grantType == u"authorization_code") {
        const auto code = params.required("code");
        const auto redirectUri = params.required("redirect_uri");
        if (!code || !redirectUri)
            return sendError(res, ApiCode::InvalidParameter);
        if (client->grantType == GrantType::AuthorizationCode)
            grant = api.auth.exchangeCode(*clientId, *code, *redirectUri, params.value("code_verifier"));
    } else if (*grantType == u"refresh_token") {
        const auto refreshToken = params.required("refresh_token");
        if (!refreshToken)
            return sendError(res, ApiCode::InvalidParameter);
        if (client->grantType == GrantType::AuthorizationCode)
            grant = api.auth.refresh(*clientId, *refreshToken);
    } else if (*grantType == u"client_credentials") {
        if (client->grantType == GrantType::ClientCredentials)
            grant = api.auth.issueClientToken(*clientId, client->scopes);
    }
    if (!grant)
        return sendError(res, ApiCode::BadRequest);
    sendSuccess(res, tokenJson(*grant));
}

void handleIntrospect(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    if (!api.auth.findValid(bearerToken(req)))
        return sendError(res, ApiCode::InvalidToken);
    const RequestParams params(req);
    const auto token = params.required("token");
    if (!token)
        return sendError(res, ApiCode::InvalidParameter);
    const std::optional<AccessGrant> g = api.auth.findValid(*token);
    if (!g)
        return sendSuccess(res, QJsonObject{{u"active"_s, false}});
    QJsonObject o{{u"active"_s, true},
                  {u"client_id"_s, g->principal.clientId},
                  {u"scope"_s, g->scopes.join(u' ')},
                  {u"token_type"_s, u"Bearer"_s},
                  {u"grant_type"_s, g->grantType == GrantType::ClientCredentials ? u"client_credentials"_s
                                                                                  : u"authorization_code"_s},
                  {u"iat"_s, double(g->issuedAt.toSecsSinceEpoch())},
                  {u"exp"_s, double(g->expiresAt.toSecsSinceEpoch())}};
    if (g->principal.isUser())
        o.insert(u"username"_s, g->principal.username);
    sendSuccess(res, o);
}

} // namespace

void registerOAuthRoutes(httplib::Server& server, ApiContext& api)
{
    server.Get("/ping", [](const httplib::Request&, httplib::Response& res) { sendSuccess(res, u"pong"_s); });

    server.Get("/oauth2/authorize", [&api](const httplib::Request& req, httplib::Response& res) {
        const RequestParams params(req);
        const Validation v = validateAuthorize(api, params, res);
        if (v.handled)
            return;
        // Sandbox only: approve at once for the named demo user, so tests need no browser.
        const std::string autoApprove = api.settings.autoApproveParameter.toStdString();
        if (req.has_param(autoApprove)) {
            const QString username = QString::fromStdString(req.get_param_value(autoApprove));
            if (!api.world.findUser(username))
                return sendHtml(res, 400, renderAuthorizeError(u"未知用户 · Unknown user"_s,
                                                               u"No demo user is called \"%1\"."_s.arg(username)));
            return approve(api, v.request, username, res);
        }
        sendHtml(res, 200, renderAuthorizePage(v.request, QString(), QString()));
    });

    server.Post("/oauth2/authorize", [&api](const httplib::Request& req, httplib::Response& res) {
        const RequestParams params(req);
        const Validation v = validateAuthorize(api, params, res);
        if (v.handled)
            return;
        if (params.value("decision") != u"approve")
            return redirect(res, withQuery(v.request.redirectUri,
                                           {{u"error"_s, u"access_denied"_s}, {u"state"_s, v.request.state}}));
        const QString username = params.value("username").trimmed();
        const DemoUser* user = api.world.findUser(username);
        if (!user || user->password != params.value("password"))
            return sendHtml(res, 200,
                            renderAuthorizePage(v.request, u"用户名或密码错误 · Wrong user name or password"_s,
                                                username));
        approve(api, v.request, username, res);
    });

    server.Post("/oauth2/access_token",
                [&api](const httplib::Request& req, httplib::Response& res) { handleTokenRequest(api, req, res); });
    server.Get("/oauth2/introspect",
               [&api](const httplib::Request& req, httplib::Response& res) { handleIntrospect(api, req, res); });
}

} // namespace bge::sandbox
