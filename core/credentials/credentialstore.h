#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace bge {

// Where secrets (OAuth client secrets, refresh tokens) live: the system keychain, or memory
// for the current run when there is none. Never on disk in the clear, never in a log.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,
        SessionOnly, // written, but only kept in memory for this run
        Failed
    };
    Q_ENUM(Status)

    struct Outcome
    {
        Status status = Status::Ok;
        QString secret;       // read only
        QString errorMessage; // translated sentence for a person, empty when Ok
    };
    using Callback = std::function<void(const Outcome&)>;

    using QObject::QObject;

    // Every call completes exactly once, asynchronously (never inside the call itself), on the
    // thread of `context`; nothing is called when `context` is destroyed first.
    virtual void read(const QString& key, QObject* context, Callback done) = 0;
    virtual void write(const QString& key, const QString& secret, QObject* context, Callback done) = 0;
    // NotFound is not an error: Ok.
    virtual void remove(const QString& key, QObject* context, Callback done) = 0;
    // False once we know no keychain is reachable.
    virtual bool isPersistent() const = 0;

Q_SIGNALS:
    void keychainUnavailable(const QString& reason); // emitted once, translated sentence
};

// Key convention helpers, used by callers: "<profile>/client-secret", "<profile>/refresh-token".
QString clientSecretKey(const QString& profile);
QString refreshTokenKey(const QString& profile);

// The platform keychain (Secret Service, macOS Keychain, Windows Credential Manager) under
// `service`, falling back to memory for the run when there is none.
std::unique_ptr<CredentialStore> createSystemCredentialStore(const QString& service,
                                                             QObject* parent = nullptr);

} // namespace bge
