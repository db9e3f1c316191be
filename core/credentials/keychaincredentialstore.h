#pragma once

#include "credentialstore.h"

#include <chrono>
#include <memory>
#include <optional>

namespace QKeychain {
class Job;
}

namespace bge {

class MemoryCredentialStore;

// Secrets in the system keychain through QtKeychain, under one service name ("BGE Desktop").
// When it turns out there is no keychain at all, the store says so once (keychainUnavailable)
// and keeps secrets in memory for the rest of the run; it never falls back to a file.
//
// Call it from its own thread. Requests still pending when the store is destroyed are not
// answered. QtKeychain runs one job at a time, so a keychain that stops answering delays every
// later request too: each one completes as Failed after timeout() instead of waiting forever.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(const QString& service, QObject* parent = nullptr);

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QString& secret, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;
    bool isPersistent() const override;

    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    struct Request;

    void start(Operation operation, const QString& key, const QString& secret, QObject* context,
               Callback done);
    QKeychain::Job* createJob(const Request& request) const;
    void onJobFinished(const std::shared_ptr<Request>& request, QKeychain::Job* job);
    void onProbed(const std::shared_ptr<Request>& request, const QString& detail,
                  const std::optional<QString>& missingReason);
    void onTimeout(const std::shared_ptr<Request>& request);
    void fail(const std::shared_ptr<Request>& request, const QString& detail);
    void complete(const std::shared_ptr<Request>& request, Outcome outcome);
    void runInMemory(const std::shared_ptr<Request>& request);
    void becomeSessionOnly(const QString& reason);

    QString m_service;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(20)};
    MemoryCredentialStore* m_memory = nullptr; // set, for good, once we know there is no keychain
};

} // namespace bge
