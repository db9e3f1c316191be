#include "benchsandbox.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace bge::bench {

using namespace Qt::StringLiterals;
using test::HttpResult;

namespace {

const QString kClientId = u"bge-pipeline-demo"_s;

} // namespace

BenchSandbox::~BenchSandbox()
{
    stop();
}

QString BenchSandbox::start(const QString& sandboxPath, const QString& workDir,
                            const QStringList& extraArguments)
{
    // The log goes to a file: a pipe nobody reads while a client runs would fill up.
    m_dataDir = workDir + u"/sandbox-data"_s;
    QDir(m_dataDir).removeRecursively();
    m_process.setStandardErrorFile(workDir + u"/sandbox.log"_s);
    m_process.start(sandboxPath,
                    QStringList{u"--port"_s, u"0"_s, u"--oss-port"_s, u"0"_s, u"--data-dir"_s, m_dataDir} +
                        extraArguments);
    if (!m_process.waitForStarted(10000))
        return u"bge-sandbox did not start: "_s + m_process.errorString();
    if (!QTest::qWaitFor([this] { return m_process.canReadLine(); }, 30000))
        return u"bge-sandbox did not describe itself"_s;
    m_description = QJsonDocument::fromJson(m_process.readLine()).object();
    if (m_description.isEmpty())
        return u"bge-sandbox's description is not JSON"_s;

    m_api = std::make_unique<test::HttpTestClient>(m_description.value(u"api_endpoint").toString());
    const QString token = m_api->clientToken(kClientId, clientSecret());
    if (token.isEmpty())
        return u"no client-credentials token"_s;
    const HttpResult sts = m_api->post(u"/sts/token"_s, {}, token);
    if (sts.code() != 0)
        return u"/sts/token answered %1"_s.arg(sts.code());
    m_sts = sts.data().toObject();
    return {};
}

void BenchSandbox::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
    if (!m_dataDir.isEmpty())
        QDir(m_dataDir).removeRecursively();
}

QString BenchSandbox::clientId()
{
    return kClientId;
}

QString BenchSandbox::clientSecret() const
{
    for (const QJsonValue& c : m_description.value(u"clients").toArray()) {
        if (c.toObject().value(u"client_id").toString() == kClientId)
            return c.toObject().value(u"client_secret").toString();
    }
    return {};
}

OssLocation BenchSandbox::location() const
{
    return {QUrl(m_sts.value(u"endpoint").toString()), m_sts.value(u"bucket").toString(),
            m_sts.value(u"region_id").toString(), OssSignatureVersion::V4};
}

oss::OssCredentials BenchSandbox::credentials() const
{
    const QJsonObject c = m_sts.value(u"credentials").toObject();
    return {c.value(u"access_key_id").toString(), c.value(u"access_key_secret").toString(),
            c.value(u"security_token").toString(),
            QDateTime::fromString(c.value(u"expiration").toString(), Qt::ISODate)};
}

QNetworkRequest BenchSandbox::signedRequest(const QByteArray& method, const QString& key,
                                            const QList<QPair<QByteArray, QByteArray>>& headers) const
{
    return signedOssRequest(location(), credentials(), method, key, {}, headers,
                            QDateTime::currentDateTimeUtc());
}

HttpResult BenchSandbox::ossCall(const QByteArray& method, const QString& key)
{
    const QNetworkRequest r = signedRequest(method, key);
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const QByteArray& name : r.rawHeaderList())
        headers.append({name, r.rawHeader(name)});
    return m_api->send(method, r.url(), {}, headers);
}

QString BenchSandbox::checkObject(const QString& key, qint64 size, quint64 crc)
{
    const HttpResult head = ossCall("HEAD", key);
    if (head.status != 200)
        return u"HEAD %1 answered %2"_s.arg(key).arg(head.status);
    if (head.header("Content-Length").toLongLong() != size)
        return u"%1 has %2 bytes, not %3"_s.arg(key, QString::fromLatin1(head.header("Content-Length")))
            .arg(size);
    if (head.header("x-oss-hash-crc64ecma") != QByteArray::number(crc))
        return u"%1 has CRC-64 %2, not %3"_s
            .arg(key, QString::fromLatin1(head.header("x-oss-hash-crc64ecma")))
            .arg(crc);
    return {};
}

bool BenchSandbox::deleteObject(const QString& key)
{
    return ossCall("DELETE", key).status == 204;
}

QProcessEnvironment BenchSandbox::bgeEnvironment(const QString& homeDir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : env.keys()) {
        if (name.startsWith(u"BGE_"_s) || name.endsWith(u"_proxy"_s, Qt::CaseInsensitive))
            env.remove(name);
    }
    for (const char* sub : {"home", "config", "data", "cache"})
        QDir().mkpath(homeDir + u'/' + QString::fromLatin1(sub));
    env.insert(u"HOME"_s, homeDir + u"/home"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, homeDir + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, homeDir + u"/data"_s);
    env.insert(u"XDG_CACHE_HOME"_s, homeDir + u"/cache"_s);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"disabled:"_s);
    env.insert(u"BGE_ENDPOINT"_s, apiEndpoint());
    env.insert(u"BGE_CLIENT_ID"_s, kClientId);
    env.insert(u"BGE_CLIENT_SECRET"_s, clientSecret());
    return env;
}

QJsonObject BenchSandbox::aliossConfig() const
{
    const QJsonObject c = m_sts.value(u"credentials").toObject();
    return {{u"endpoint"_s, m_sts.value(u"endpoint")},
            {u"bucket"_s, m_sts.value(u"bucket")},
            {u"region"_s, QString(u"oss-"_s + m_sts.value(u"region_id").toString())},
            {u"accessKeyId"_s, c.value(u"access_key_id")},
            {u"accessKeySecret"_s, c.value(u"access_key_secret")},
            {u"stsToken"_s, c.value(u"security_token")}};
}

} // namespace bge::bench
