#pragma once

#include "api/result.h"
#include "aws/awscredentials.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace bge::omics {

struct AwsSettings;
class CredentialProcessJob;

// Hands out the credentials every HealthOmics request is signed with. acquire() always
// answers asynchronously and exactly once (nothing when `context` is gone first).
class AwsCredentialsProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<aws::AwsCredentials>&)>;
    using QObject::QObject;

    virtual void acquire(QObject* context, Callback done) = 0;
    // The service said the credentials expired: the next acquire() fetches fresh ones, if the
    // provider can. Returns whether it can.
    virtual bool invalidate() { return false; }
};

// Fixed keys (environment, shared files, a test).
class StaticCredentialsProvider final : public AwsCredentialsProvider
{
    Q_OBJECT
public:
    explicit StaticCredentialsProvider(aws::AwsCredentials credentials, QObject* parent = nullptr);
    void acquire(QObject* context, Callback done) override;

private:
    aws::AwsCredentials m_credentials;
};

// A profile's credential_process, run again when its credentials come within five minutes of
// their expiration (or after invalidate()); callers arriving while it runs share that run.
class ProcessCredentialsProvider final : public AwsCredentialsProvider
{
    Q_OBJECT
public:
    ProcessCredentialsProvider(QString commandLine, QObject* parent = nullptr);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void acquire(QObject* context, Callback done) override;
    bool invalidate() override;

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    void onFinished(const Result<aws::AwsCredentials>& outcome);

    QString m_commandLine;
    std::optional<aws::AwsCredentials> m_cached;
    QList<Waiter> m_waiters;
    bool m_running = false;
    int m_timeoutMs = 0;
};

// The provider the resolved settings call for; an Authentication error when they have none.
Result<AwsCredentialsProvider*> createCredentialsProvider(const AwsSettings& settings, QObject* parent);

// Calls `done(outcome)` on `context`'s thread from the event loop (never inside the caller).
void answerLater(QObject* context, AwsCredentialsProvider::Callback done,
                 Result<aws::AwsCredentials> outcome);

} // namespace bge::omics
