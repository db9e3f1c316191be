#include "awscredentialsprovider.h"

#include "awssettings.h"
#include "credentialprocess.h"

#include <QTimer>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kRefreshMarginSeconds = 5 * 60;
}

void answerLater(QObject* context, AwsCredentialsProvider::Callback done, Result<aws::AwsCredentials> outcome)
{
    QTimer::singleShot(0, context, [done = std::move(done), outcome = std::move(outcome)] { done(outcome); });
}

StaticCredentialsProvider::StaticCredentialsProvider(aws::AwsCredentials credentials, QObject* parent)
    : AwsCredentialsProvider(parent), m_credentials(std::move(credentials))
{
}

void StaticCredentialsProvider::acquire(QObject* context, Callback done)
{
    if (m_credentials.expiration.isValid() && m_credentials.expiration <= QDateTime::currentDateTimeUtc())
        return answerLater(context, std::move(done),
                           ApiError::authentication(u"the AWS credentials expired at %1: refresh them"_s.arg(
                               m_credentials.expiration.toString(Qt::ISODate))));
    answerLater(context, std::move(done), m_credentials);
}

ProcessCredentialsProvider::ProcessCredentialsProvider(QString commandLine, QObject* parent)
    : AwsCredentialsProvider(parent), m_commandLine(std::move(commandLine))
{
}

void ProcessCredentialsProvider::acquire(QObject* context, Callback done)
{
    if (m_cached && (!m_cached->expiration.isValid() ||
                     QDateTime::currentDateTimeUtc().secsTo(m_cached->expiration) > kRefreshMarginSeconds))
        return answerLater(context, std::move(done), *m_cached);
    m_waiters.append({context, std::move(done)});
    if (m_running)
        return;
    m_running = true;
    auto* job = new CredentialProcessJob(m_commandLine, this);
    if (m_timeoutMs > 0)
        job->setTimeoutMs(m_timeoutMs);
    job->run(this, [this](const Result<aws::AwsCredentials>& outcome) { onFinished(outcome); });
}

bool ProcessCredentialsProvider::invalidate()
{
    m_cached.reset();
    return true;
}

void ProcessCredentialsProvider::onFinished(const Result<aws::AwsCredentials>& outcome)
{
    m_running = false;
    if (outcome)
        m_cached = outcome.value();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter& waiter : waiters) {
        if (waiter.context)
            waiter.done(outcome);
    }
}

Result<AwsCredentialsProvider*> createCredentialsProvider(const AwsSettings& settings, QObject* parent)
{
    switch (settings.credentialSource) {
    case AwsSettings::CredentialSource::Environment:
    case AwsSettings::CredentialSource::SharedFile:
        return static_cast<AwsCredentialsProvider*>(
            new StaticCredentialsProvider(settings.credentials, parent));
    case AwsSettings::CredentialSource::Process:
        return static_cast<AwsCredentialsProvider*>(
            new ProcessCredentialsProvider(settings.credentialProcess, parent));
    case AwsSettings::CredentialSource::None:
        break;
    }
    return ApiError::authentication(u"no AWS credentials for profile “%1”: set AWS_ACCESS_KEY_ID and "
                                    u"AWS_SECRET_ACCESS_KEY, or add keys or a "
                                    "credential_process to the profile"_s.arg(settings.profile));
}

} // namespace bge::omics
