#include "sessionstore.h"

#include "credentials/credentialstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#include <memory>

namespace bge {

using namespace Qt::StringLiterals;

SessionStore::SessionStore(CredentialStore* store, QObject* parent) : QObject(parent), m_store(store) {}

bool SessionStore::isPersistent() const
{
    return m_store->isPersistent();
}

QByteArray SessionStore::grantToJson(const TokenGrant& grant)
{
    QJsonObject o{{u"refresh_token"_s, grant.refreshToken},
                  {u"access_token"_s, grant.accessToken},
                  {u"token_type"_s, grant.tokenType},
                  {u"scope"_s, grant.scopes.join(u' ')},
                  {u"expires_in"_s, double(grant.expiresIn)},
                  {u"obtained_at"_s, grant.obtainedAt.toUTC().toString(Qt::ISODate)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

TokenGrant SessionStore::grantFromJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    TokenGrant g;
    if (o.isEmpty()) {
        // An entry written by hand or by an older version: a bare refresh token.
        g.refreshToken = QString::fromUtf8(json).trimmed();
        return g;
    }
    g.refreshToken = o.value(u"refresh_token").toString();
    g.accessToken = o.value(u"access_token").toString();
    g.tokenType = o.value(u"token_type").toString();
    g.scopes = o.value(u"scope").toString().split(u' ', Qt::SkipEmptyParts);
    g.expiresIn = qint64(o.value(u"expires_in").toDouble());
    g.obtainedAt = QDateTime::fromString(o.value(u"obtained_at").toString(), Qt::ISODate);
    if (!g.obtainedAt.isValid())
        g.accessToken.clear(); // unknown age: do not trust the access token
    return g;
}

void SessionStore::load(const QString& profile, LoadCallback done)
{
    auto secrets = std::make_shared<Secrets>();
    auto remaining = std::make_shared<int>(2);
    const auto oneDone = [secrets, remaining, done](const CredentialStore::Outcome& outcome) {
        if (outcome.status == CredentialStore::Status::Failed && secrets->problem.isEmpty())
            secrets->problem = outcome.errorMessage;
        if (--*remaining == 0)
            done(*secrets);
    };
    m_store->read(clientSecretKey(profile), this, [secrets, oneDone](const CredentialStore::Outcome& outcome) {
        if (outcome.status == CredentialStore::Status::Ok || outcome.status == CredentialStore::Status::SessionOnly)
            secrets->clientSecret = outcome.secret;
        oneDone(outcome);
    });
    m_store->read(refreshTokenKey(profile), this, [secrets, oneDone](const CredentialStore::Outcome& outcome) {
        if ((outcome.status == CredentialStore::Status::Ok || outcome.status == CredentialStore::Status::SessionOnly)
            && !outcome.secret.isEmpty())
            secrets->grant = grantFromJson(outcome.secret.toUtf8());
        oneDone(outcome);
    });
}

void SessionStore::saveClientSecret(const QString& profile, const QString& secret)
{
    write(clientSecretKey(profile), secret);
}

void SessionStore::saveGrant(const QString& profile, const TokenGrant& grant)
{
    // Client-credentials tokens are not worth keeping: a new one is one call away.
    if (grant.refreshToken.isEmpty())
        return;
    write(refreshTokenKey(profile), QString::fromUtf8(grantToJson(grant)));
}

void SessionStore::forget(const QString& profile)
{
    remove(clientSecretKey(profile));
    remove(refreshTokenKey(profile));
}

void SessionStore::forgetGrant(const QString& profile)
{
    remove(refreshTokenKey(profile));
}

void SessionStore::remove(const QString& key)
{
    ++m_pending;
    m_store->remove(key, this, [this](const CredentialStore::Outcome& outcome) {
        writeDone(outcome.status == CredentialStore::Status::Failed ? outcome.errorMessage : QString());
    });
}

void SessionStore::write(const QString& key, const QString& secret)
{
    ++m_pending;
    m_store->write(key, secret, this, [this](const CredentialStore::Outcome& outcome) {
        QString problem;
        if (outcome.status == CredentialStore::Status::SessionOnly)
            problem = tr("No system keychain is available: the sign-in is kept only until this program ends.");
        else if (outcome.status != CredentialStore::Status::Ok)
            problem = outcome.errorMessage.isEmpty() ? tr("The keychain refused to store the secret.") : outcome.errorMessage;
        writeDone(problem);
    });
}

void SessionStore::writeDone(const QString& problem)
{
    if (!problem.isEmpty())
        Q_EMIT writeProblem(problem);
    if (--m_pending == 0)
        Q_EMIT writesFinished();
}

} // namespace bge
