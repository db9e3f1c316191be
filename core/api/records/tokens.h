#pragma once

#include "api/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace bge {

// An OAuth token response. Holds secrets: never log it, never write it to a file.
struct TokenGrant
{
    QString accessToken;
    QString refreshToken; // empty for client-credentials tokens
    QString tokenType;
    QStringList scopes;
    qint64 expiresIn = 0;   // seconds, as sent
    QDateTime obtainedAt;   // when the response arrived (UTC), set by the client
    QJsonObject raw;

    QDateTime expiresAt() const { return obtainedAt.addSecs(expiresIn); }
    bool isValid() const { return !accessToken.isEmpty(); }
    static Result<TokenGrant> fromJson(const QJsonValue& value, const QDateTime& obtainedAt);
};

// GET /oauth2/introspect.
struct TokenInfo
{
    bool active = false;
    QString clientId;
    QString username;
    QStringList scopes;
    QString grantType;
    QDateTime issuedAt;
    QDateTime expiresAt;
    QJsonObject raw;

    static Result<TokenInfo> fromJson(const QJsonValue& value);
};

// POST /sts/token: temporary object-storage credentials. Holds secrets.
struct UploadToken
{
    QString baseUri;
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken;
    QDateTime expiration;
    QString endpoint;
    QString destination;
    QString bucket;
    QString regionId;
    QJsonObject raw;

    static Result<UploadToken> fromJson(const QJsonValue& value);
};

// POST /oss/sign_url. The URL is a bearer credential: never log it.
struct DownloadUrl
{
    QUrl url;
    QDateTime expires;

    static Result<DownloadUrl> fromJson(const QJsonValue& value);
};

// GET /model/{id}.
struct ModelResult
{
    int modelCode = 0;
    QString modelMessage;
    QJsonObject modelData;
    QJsonObject raw;

    static Result<ModelResult> fromJson(const QJsonValue& value);
};

} // namespace bge
