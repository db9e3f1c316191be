#pragma once

#include "common/httptestclient.h"
#include "transfer/ossrequest.h"

#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <memory>

namespace bge::bench {

// The bge-sandbox every client of a benchmark talks to, and what a benchmark does with it
// besides measuring: short-lived STS credentials (for curl's signed headers and ali-oss), the
// environment `bge` runs in, and the checks that an object is the file it should be.
class BenchSandbox final
{
public:
    BenchSandbox() = default;
    ~BenchSandbox();
    BenchSandbox(const BenchSandbox&) = delete;
    BenchSandbox& operator=(const BenchSandbox&) = delete;

    // Starts it with its data (removed first) and its log under `workDir`, and `extraArguments`
    // (e.g. --oss-faults latency-ms=20); empty on success, otherwise why not.
    QString start(const QString& sandboxPath, const QString& workDir, const QStringList& extraArguments = {});
    void stop();

    qint64 pid() const { return m_process.processId(); }
    QString apiEndpoint() const { return m_description.value(u"api_endpoint").toString(); }
    // The app every client of a benchmark signs in as (client credentials): its objects go to
    // destination().
    static QString clientId();
    QString clientSecret() const;
    QString destination() const { return m_sts.value(u"destination").toString(); }
    QString keyFor(const QString& name) const { return destination() + u'/' + name; }

    OssLocation location() const;
    oss::OssCredentials credentials() const;
    // A request signed with the benchmark's STS credentials (V4 headers).
    QNetworkRequest signedRequest(const QByteArray& method, const QString& key,
                                  const QList<QPair<QByteArray, QByteArray>>& headers = {}) const;
    test::HttpResult ossCall(const QByteArray& method, const QString& key);

    // Empty when the object at `key` has `size` bytes and the CRC-64 `crc` (HEAD), otherwise
    // what is wrong.
    QString checkObject(const QString& key, qint64 size, quint64 crc);
    bool deleteObject(const QString& key);

    // The environment `bge` runs in: its own HOME and XDG folders under `homeDir` (no keychain,
    // no saved session), client credentials from the environment, no proxy.
    QProcessEnvironment bgeEnvironment(const QString& homeDir) const;
    // What an ali-oss script needs to reach the bucket: {endpoint, bucket, region, accessKeyId,
    // accessKeySecret, stsToken}. Holds secrets: written to private files only.
    QJsonObject aliossConfig() const;

private:
    QProcess m_process;
    QString m_dataDir;
    QJsonObject m_description;
    std::unique_ptr<test::HttpTestClient> m_api;
    QJsonObject m_sts; // data of /sts/token: endpoint, bucket, region_id, destination, credentials
};

} // namespace bge::bench
