#pragma once

#include "api/job.h"
#include "aws/awscredentials.h"

#include <QDateTime>
#include <QProcess>
#include <QTimer>

namespace bge::omics {

// The JSON a credential_process prints ({"Version": 1, "AccessKeyId", "SecretAccessKey",
// "SessionToken"?, "Expiration"?}). Errors never quote the output: it holds the secret.
Result<aws::AwsCredentials> parseCredentialProcessOutput(const QByteArray& output, const QDateTime& now);

// Runs a profile's credential_process (split like a shell would, run without one, as botocore
// does) asynchronously, with a time-out; its standard error is kept for the message.
class CredentialProcessJob final : public Job<aws::AwsCredentials>
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 60000;
    static constexpr qint64 kMaxOutputBytes = 64 * 1024;

    explicit CredentialProcessJob(QString commandLine, QObject* parent = nullptr);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void fail(const QString& why);

    QString m_commandLine;
    QProcess* m_process = nullptr;
    QTimer m_timer;
    QByteArray m_stdout;
    QByteArray m_stderr;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace bge::omics
