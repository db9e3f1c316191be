#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace bge {

// One call to the platform, described before it is sent (and again if it is replayed).
struct ApiRequest
{
    enum class Method { Get, Post };
    enum class Auth { None, Bearer };

    Method method = Method::Get;
    QString path; // "/samples", already percent-encoded where needed
    QList<std::pair<QString, QString>> params; // query (GET) or form body (POST)
    Auth auth = Auth::Bearer;
    // Only idempotent calls are retried after a transport error or a 5xx: a registration or
    // a token exchange that may have reached the server must not be sent twice silently.
    bool idempotent = true;
    // The answer carries secrets (tokens, STS keys, signed URLs): never quoted in errors or logs.
    bool sensitiveAnswer = false;
    // Introspection of the very token the call is sent with: the connection fills the `token`
    // parameter at send time, so a replay after a refresh asks about the new token.
    bool introspectsBearer = false;

    static ApiRequest get(QString path, QList<std::pair<QString, QString>> params = {});
    static ApiRequest post(QString path, QList<std::pair<QString, QString>> params = {});
    ApiRequest& withoutAuth();
    ApiRequest& notIdempotent();
    ApiRequest& withSensitiveAnswer();
    ApiRequest& add(const QString& name, const QString& value); // skipped when value is null
    // "GET /samples": for logs. Parameters are left out: they can carry codes and secrets.
    QString describe() const;
};

// application/x-www-form-urlencoded, with every reserved character (including '+') escaped.
QByteArray formEncode(const QList<std::pair<QString, QString>>& params);

} // namespace bge
