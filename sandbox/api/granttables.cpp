#include "granttables.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

constexpr int kFormatVersion = 1;

QString grantTypeName(GrantType t)
{
    return t == GrantType::ClientCredentials ? u"client_credentials"_s : u"authorization_code"_s;
}

QJsonValue timeJson(const QDateTime& t)
{
    return t.toString(Qt::ISODateWithMs);
}

// A field that must be present with the right type; records missing one make the file invalid.
struct Reader
{
    const QJsonObject& o;
    bool ok = true;

    QString text(QStringView key)
    {
        const QJsonValue v = o.value(key);
        ok = ok && v.isString();
        return v.toString();
    }
    QDateTime time(QStringView key)
    {
        const QDateTime t = QDateTime::fromString(text(key), Qt::ISODateWithMs);
        ok = ok && t.isValid();
        return t.toUTC();
    }
    QStringList list(QStringView key)
    {
        const QJsonValue v = o.value(key);
        ok = ok && v.isArray();
        QStringList result;
        for (const QJsonValue& item : v.toArray()) {
            ok = ok && item.isString();
            result.append(item.toString());
        }
        return result;
    }
};

QJsonObject tokenJson(const QByteArray& hash, const TokenRecord& r)
{
    return {{u"sha256"_s, QString::fromLatin1(hash)},
            {u"client_id"_s, r.principal.clientId},
            {u"username"_s, r.principal.username},
            {u"scopes"_s, QJsonArray::fromStringList(r.scopes)},
            {u"grant_type"_s, grantTypeName(r.grantType)},
            {u"issued_at"_s, timeJson(r.issuedAt)},
            {u"expires_at"_s, timeJson(r.expiresAt)},
            {u"expires_in"_s, double(r.expiresIn)}};
}

std::optional<std::pair<QByteArray, TokenRecord>> tokenFrom(const QJsonObject& o)
{
    Reader in{o};
    TokenRecord r;
    const QByteArray hash = in.text(u"sha256").toLatin1();
    r.principal = {in.text(u"client_id"), in.text(u"username")};
    r.scopes = in.list(u"scopes");
    const QString grant = in.text(u"grant_type");
    r.grantType = grant == u"client_credentials" ? GrantType::ClientCredentials : GrantType::AuthorizationCode;
    r.issuedAt = in.time(u"issued_at");
    r.expiresAt = in.time(u"expires_at");
    r.expiresIn = qint64(o.value(u"expires_in").toDouble(-1));
    if (!in.ok || hash.size() != 64 || r.expiresIn < 0 || grant != grantTypeName(r.grantType))
        return std::nullopt;
    return std::pair{hash, r};
}

QJsonObject codeJson(const QByteArray& hash, const CodeRecord& r)
{
    return {{u"sha256"_s, QString::fromLatin1(hash)},
            {u"client_id"_s, r.clientId},
            {u"redirect_uri"_s, r.redirectUri},
            {u"scopes"_s, QJsonArray::fromStringList(r.scopes)},
            {u"username"_s, r.username},
            {u"expires_at"_s, timeJson(r.expiresAt)},
            {u"code_challenge_s256"_s, r.challenge.challenge}};
}

std::optional<std::pair<QByteArray, CodeRecord>> codeFrom(const QJsonObject& o)
{
    Reader in{o};
    CodeRecord r;
    const QByteArray hash = in.text(u"sha256").toLatin1();
    r.clientId = in.text(u"client_id");
    r.redirectUri = in.text(u"redirect_uri");
    r.scopes = in.list(u"scopes");
    r.username = in.text(u"username");
    r.expiresAt = in.time(u"expires_at");
    r.challenge = {in.text(u"code_challenge_s256"), ChallengeMethod::S256};
    if (!in.ok || hash.size() != 64)
        return std::nullopt;
    return std::pair{hash, r};
}

template <typename Record, typename Parse>
bool readArray(const QJsonValue& value, QHash<QByteArray, Record>& into, Parse parse)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue& item : value.toArray()) {
        const auto entry = parse(item.toObject());
        if (!item.isObject() || !entry)
            return false;
        into.insert(entry->first, entry->second);
    }
    return true;
}

template <typename Record>
qsizetype dropExpired(QHash<QByteArray, Record>& table, const QDateTime& now)
{
    return table.removeIf(
        [&now](typename QHash<QByteArray, Record>::iterator it) { return it.value().expiresAt <= now; });
}

} // namespace

QByteArray secretHash(const QString& secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

qsizetype GrantTables::prune(const QDateTime& now)
{
    return dropExpired(codes, now) + dropExpired(accessTokens, now) + dropExpired(refreshTokens, now);
}

QByteArray GrantTables::toJson() const
{
    QJsonArray codeArray, accessArray, refreshArray;
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        codeArray.append(codeJson(it.key(), it.value()));
    for (auto it = accessTokens.cbegin(); it != accessTokens.cend(); ++it)
        accessArray.append(tokenJson(it.key(), it.value()));
    for (auto it = refreshTokens.cbegin(); it != refreshTokens.cend(); ++it)
        refreshArray.append(tokenJson(it.key(), it.value()));
    return QJsonDocument(QJsonObject{{u"version"_s, kFormatVersion},
                                     {u"authorization_codes"_s, codeArray},
                                     {u"access_tokens"_s, accessArray},
                                     {u"refresh_tokens"_s, refreshArray}})
        .toJson(QJsonDocument::Compact);
}

std::optional<GrantTables> GrantTables::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"version").toInt() != kFormatVersion) {
        *error = u"unknown format version"_s;
        return std::nullopt;
    }
    GrantTables t;
    if (!readArray(root.value(u"authorization_codes"), t.codes, codeFrom)
        || !readArray(root.value(u"access_tokens"), t.accessTokens, tokenFrom)
        || !readArray(root.value(u"refresh_tokens"), t.refreshTokens, tokenFrom)) {
        *error = u"a record is incomplete or malformed"_s;
        return std::nullopt;
    }
    return t;
}

} // namespace bge::sandbox
