#include "profile.h"

#include "api/apiconnection.h"

#include <QCoreApplication>

namespace bge {

using namespace Qt::StringLiterals;

QUrl Profile::mainEndpoint()
{
    return QUrl(u"https://api.bge.genomics.cn"_s);
}

QUrl Profile::backupEndpoint()
{
    return QUrl(u"https://api.bge.omgut.com"_s);
}

QUrl Profile::defaultRedirectUri()
{
    return QUrl(u"http://localhost/oauth/callback"_s);
}

Profile Profile::builtIn(Kind kind)
{
    Profile p;
    p.kind = kind;
    p.name = kindName(kind);
    p.endpoint = kind == Kind::Backup ? backupEndpoint() : mainEndpoint();
    return p;
}

QString Profile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Main: return u"main"_s;
    case Kind::Backup: return u"backup"_s;
    case Kind::Sandbox: return u"sandbox"_s;
    case Kind::Custom: return u"custom"_s;
    }
    return {};
}

std::optional<Profile::Kind> Profile::kindFromName(const QString& name)
{
    for (const Kind k : {Kind::Main, Kind::Backup, Kind::Sandbox, Kind::Custom}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString Profile::grantModeName(GrantMode mode)
{
    return mode == GrantMode::ClientCredentials ? u"client_credentials"_s : u"authorization_code"_s;
}

std::optional<Profile::GrantMode> Profile::grantModeFromName(const QString& name)
{
    if (name == u"client_credentials")
        return GrantMode::ClientCredentials;
    if (name == u"authorization_code")
        return GrantMode::AuthorizationCode;
    return std::nullopt;
}

QString endpointProblem(const QUrl& endpoint)
{
    if (!endpoint.isValid() || endpoint.host().isEmpty())
        return QCoreApplication::translate("bge::Profile", "The endpoint is not a valid address.");
    // A password in the address would end up in the settings file and on screen.
    if (!endpoint.userInfo().isEmpty())
        return QCoreApplication::translate("bge::Profile", "The endpoint must not contain a user name or password.");
    if (endpoint.scheme() == u"https")
        return {};
    if (endpoint.scheme() == u"http") {
        if (isLoopbackHost(endpoint.host()))
            return {};
        return QCoreApplication::translate("bge::Profile", "Plain http:// is refused for %1: tokens and secrets would cross the network unencrypted. "
                  "Use https://, or http:// only for this computer (127.0.0.1, localhost).")
            .arg(endpoint.host());
    }
    return QCoreApplication::translate("bge::Profile", "The endpoint must start with https://.");
}

QUrl normalizedEndpoint(const QString& text)
{
    QString t = text.trimmed();
    if (!t.contains(u"://"_s))
        t.prepend(u"https://"_s);
    QUrl url(t, QUrl::StrictMode);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace bge
