#pragma once

#include "api/records/tokens.h"

#include <QObject>

#include <functional>

namespace bge {

class CredentialStore;

// Keeps a profile's secrets in the CredentialStore (the system keychain): the client secret
// under "<profile>/client-secret" and the session under "<profile>/refresh-token" (the
// refresh token plus the current access token and its expiry, as JSON, so a later start
// reuses a fresh access token instead of rotating the refresh token every time).
// Nothing here touches a file. Writes are counted so a command-line run can wait for them.
class SessionStore final : public QObject
{
    Q_OBJECT
public:
    struct Secrets
    {
        QString clientSecret;
        TokenGrant grant;       // may hold only a refresh token, or nothing
        QString problem;        // keychain trouble, translated; empty when fine
    };
    using LoadCallback = std::function<void(const Secrets&)>;

    SessionStore(CredentialStore* store, QObject* parent = nullptr);

    void load(const QString& profile, LoadCallback done);
    void saveClientSecret(const QString& profile, const QString& secret);
    void saveGrant(const QString& profile, const TokenGrant& grant);
    // Sign-out: forgets the session and the client secret of the profile.
    void forget(const QString& profile);
    // A stored session the platform refused: forgets it, keeps the client secret.
    void forgetGrant(const QString& profile);

    int pendingWrites() const { return m_pending; }
    bool isPersistent() const;

    static QByteArray grantToJson(const TokenGrant& grant);
    static TokenGrant grantFromJson(const QByteArray& json);

Q_SIGNALS:
    void writesFinished();
    // A write failed or only lives for this run (no keychain): translated sentence.
    void writeProblem(const QString& message);

private:
    void write(const QString& key, const QString& secret);
    void remove(const QString& key);
    void writeDone(const QString& problem);

    CredentialStore* m_store;
    int m_pending = 0;
};

} // namespace bge
