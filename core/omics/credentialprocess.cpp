#include "credentialprocess.h"

#include "omicsjson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bge::omics {

using namespace Qt::StringLiterals;

Result<aws::AwsCredentials> parseCredentialProcessOutput(const QByteArray& output, const QDateTime& now)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return ApiError::authentication(u"credential_process printed no JSON object"_s);
    JsonFields f(document.object(), u"credential_process"_s);
    const std::optional<qint64> version = f.integer(u"Version");
    aws::AwsCredentials c;
    c.accessKeyId = f.requiredString(u"AccessKeyId");
    c.secretAccessKey = f.requiredString(u"SecretAccessKey");
    c.sessionToken = f.string(u"SessionToken");
    c.expiration = optionalTimestamp(f, u"Expiration");
    if (!f.ok())
        return ApiError::authentication(f.error().detail());
    if (version != 1)
        return ApiError::authentication(u"credential_process: unsupported Version (expected 1)"_s);
    if (!c.isComplete())
        return ApiError::authentication(u"credential_process: empty AccessKeyId or SecretAccessKey"_s);
    if (c.expiration.isValid() && c.expiration <= now)
        return ApiError::authentication(u"credential_process returned credentials that expired at %1"_s.arg(
            c.expiration.toString(Qt::ISODate)));
    return c;
}

CredentialProcessJob::CredentialProcessJob(QString commandLine, QObject* parent)
    : Job(parent), m_commandLine(std::move(commandLine))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { fail(u"credential_process did not finish within %1 s"_s.arg(m_timeoutMs / 1000)); });
}

void CredentialProcessJob::doStart()
{
    QStringList arguments = QProcess::splitCommand(m_commandLine);
    if (arguments.isEmpty())
        return fail(u"credential_process is empty"_s);
    const QString program = arguments.takeFirst();
    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > kMaxOutputBytes)
            fail(u"credential_process printed more than %1 bytes"_s.arg(kMaxOutputBytes));
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        m_stderr = m_stderr.right(4096);
    });
    connect(m_process, &QProcess::finished, this, &CredentialProcessJob::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &CredentialProcessJob::onError);
    m_timer.start(m_timeoutMs);
    m_process->start();
}

void CredentialProcessJob::doAbort()
{
    m_timer.stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

void CredentialProcessJob::onError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        fail(u"credential_process could not be started (%1)"_s.arg(m_process->errorString()));
    // Crashes and exits arrive through finished().
}

void CredentialProcessJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (isFinished())
        return;
    m_timer.stop();
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
    if (status != QProcess::NormalExit)
        return fail(u"credential_process crashed"_s);
    if (exitCode != 0)
        return fail(u"credential_process exited with code %1"_s.arg(exitCode));
    Result<aws::AwsCredentials> credentials =
        parseCredentialProcessOutput(m_stdout, QDateTime::currentDateTimeUtc());
    m_stdout.fill('\0'); // the secret does not outlive the parse
    m_stdout.clear();
    if (!credentials)
        return complete(credentials.error());
    succeed(credentials.value());
}

void CredentialProcessJob::fail(const QString& why)
{
    if (isFinished())
        return;
    m_timer.stop();
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning)
            m_process->kill();
    }
    QString detail = why;
    const QString errorText = QString::fromLocal8Bit(m_stderr).trimmed().simplified();
    if (!errorText.isEmpty())
        detail += u": "_s + errorText.right(300);
    m_stdout.fill('\0');
    complete(ApiError::authentication(detail));
}

} // namespace bge::omics
