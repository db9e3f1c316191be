#include "authorizepage.h"

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

QString scopeDescription(const QString& scope)
{
    static const QList<std::pair<QString, QString>> kDescriptions = {
        {u"profile.default"_s, u"读取您的账户资料 · Read your profile"_s},
        {u"sample.default:read"_s, u"查看您的样品 · View your samples"_s},
        {u"sample.default:write"_s, u"登记和补充样品信息 · Register and complete samples"_s},
        {u"variant.rsid"_s, u"按 rsID 读取变异位点 · Read variants by rsID"_s},
        {u"variant.chr"_s, u"按染色体区间读取变异 · Read variants by region"_s},
        {u"abundance.default"_s, u"读取微生物丰度 · Read microbiome abundance"_s},
        {u"model.default"_s, u"运行解读模型 · Run interpretation models"_s},
        {u"service.file:read"_s, u"下载文件 · Download files"_s},
        {u"service.file:write"_s, u"上传文件 · Upload files"_s},
        {u"survey.default"_s, u"读取问卷 · Read surveys"_s},
    };
    for (const auto& [name, text] : kDescriptions) {
        if (name == scope)
            return text;
    }
    return scope;
}

// Compact enough that the whole form, Approve included, fits a 1280×800 window with the app's
// frame around it.
QString pageFrame(const QString& title, const QString& body)
{
    return uR"(<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)"_s + title + uR"(</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
background:#f3f6f9;color:#1d2733;margin:0;display:flex;justify-content:center;}
main{background:#fff;margin:16px;padding:20px 28px;border-radius:10px;max-width:560px;width:100%;
box-shadow:0 2px 12px rgba(0,0,0,.08);}
h1{font-size:1.2em;margin:0 0 4px;} .sub{color:#5b6b7c;margin:0 0 12px;font-size:.92em;}
label{display:block;margin:10px 0 3px;font-weight:600;font-size:.9em;}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:7px 10px;border:1px solid #b8c4d0;
border-radius:6px;font-size:1em;}
ul{padding-left:20px;margin:6px 0 0;} li{margin:2px 0;font-size:.88em;}
.scopes{background:#f7f9fb;border:1px solid #e1e7ee;border-radius:6px;padding:6px 14px;margin-top:12px;}
.buttons{display:flex;gap:12px;margin-top:16px;}
button{flex:1;padding:9px;border-radius:6px;font-size:1em;font-family:inherit;cursor:pointer;border:1px solid #1f6feb;}
button.approve{background:#1f6feb;color:#fff;font-weight:600;} button.deny{background:#fff;color:#1f6feb;}
button:focus-visible,input:focus-visible{outline:3px solid #f0b429;outline-offset:2px;}
.error{background:#fdecea;color:#8a1c12;border:1px solid #f5c2bd;border-radius:6px;padding:8px 12px;}
.note{color:#7a8896;font-size:.8em;margin-top:20px;}
</style></head><body><main>
)"_s + body + u"\n</main></body></html>\n"_s;
}

QString hidden(const char16_t* name, const QString& value)
{
    return u"<input type=\"hidden\" name=\""_s + QString::fromUtf16(name) + u"\" value=\""_s + value.toHtmlEscaped()
           + u"\">\n"_s;
}

} // namespace

QByteArray renderAuthorizePage(const AuthorizeRequest& r, const QString& errorMessage, const QString& username)
{
    QString scopes;
    for (const QString& s : r.scopes)
        scopes += u"<li><code>"_s + s.toHtmlEscaped() + u"</code> — "_s + scopeDescription(s).toHtmlEscaped()
                  + u"</li>\n"_s;
    // The PKCE challenge rides along so that the approved form binds it to the code.
    QString pkceFields;
    if (!r.codeChallenge.isEmpty())
        pkceFields = hidden(u"code_challenge", r.codeChallenge.challenge)
                     + hidden(u"code_challenge_method", challengeMethodName(r.codeChallenge.method));
    QString body = u"<h1>登录 BGE 开放平台 · Sign in to BGE Open Platform</h1>\n"_s
                   + u"<p class=\"sub\">应用 <strong>"_s + r.clientName.toHtmlEscaped()
                   + u"</strong> 请求访问您的数据 · is asking to access your data</p>\n"_s;
    if (!errorMessage.isEmpty())
        body += u"<p class=\"error\" role=\"alert\" id=\"error\">"_s + errorMessage.toHtmlEscaped() + u"</p>\n"_s;
    body += u"<form method=\"post\" action=\"/oauth2/authorize\" id=\"authorize\">\n"_s + hidden(u"client_id", r.clientId)
            + hidden(u"redirect_uri", r.redirectUri) + hidden(u"response_type", r.responseType)
            + hidden(u"scope", r.scope) + hidden(u"state", r.state) + pkceFields
            + u"<label for=\"username\">用户名 · User name</label>\n"
              "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\""_s
            // The cursor where the person types next: the user name, or after a wrong password
            // (the name kept) the password.
            + (username.isEmpty() ? u" autofocus"_s : QString()) + u" value=\""_s + username.toHtmlEscaped()
            + u"\">\n<label for=\"password\">密码 · Password</label>\n"
              "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\""_s
            + (username.isEmpty() ? QString() : u" autofocus"_s)
            + u">\n"
              "<div class=\"scopes\"><strong>授权范围 · Requested access</strong>\n<ul>\n"_s
            + scopes
            // Enter in a field submits with the form's first submit button (HTML implicit
            // submission): Approve comes first in the tree, so the key everyone presses after
            // typing the password approves. First on screen too, so that Tab follows what the
            // eye sees; Deny stays the outlined, secondary button.
            + u"</ul></div>\n<div class=\"buttons\">\n"
              "<button type=\"submit\" class=\"approve\" name=\"decision\" value=\"approve\" id=\"approve\">"
              "授权 · Approve</button>\n"
              "<button type=\"submit\" class=\"deny\" name=\"decision\" value=\"deny\" id=\"deny\">拒绝 · Deny</button>\n"
              "</div>\n</form>\n"
              "<p class=\"note\">BGE sandbox: an offline emulator of the platform, with demo accounts only.</p>"_s;
    return pageFrame(u"授权 · Authorize"_s, body).toUtf8();
}

QByteArray renderAuthorizeError(const QString& title, const QString& detail)
{
    return pageFrame(title.toHtmlEscaped(), u"<h1>"_s + title.toHtmlEscaped() + u"</h1>\n<p class=\"error\">"_s
                                                + detail.toHtmlEscaped() + u"</p>"_s)
        .toUtf8();
}

} // namespace bge::sandbox
