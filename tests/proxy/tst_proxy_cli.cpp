// `bge` through a real HTTP proxy (issue 14, "Proxies"): a private tinyproxy between bge and
// `bge-sandbox --tls --advertise-host <this machine's name>` (Qt goes straight to 127.0.0.1 and
// localhost whatever the proxy settings, so the sandbox is reached by name). API calls, an upload
// through Qt's stack (PutObject) and one through our own socket sender (multipart, CONNECT
// tunnels), a multipart upload killed and resumed, downloads read back byte for byte; tinyproxy's
// log proves the way they went. no_proxy, proxy credentials and an unreachable proxy.
#include "cli/sandboxtransfers.h"
#include "proxy/tinyproxyprocess.h"

#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

const QString kClientId = u"bge-pipeline-demo"_s;
const QString kProxyUser = u"researcher"_s;
const QString kProxyPassword = u"s3cret-pass.7"_s; // tinyproxy takes letters, digits, "-", "." and "_" only

QString portOf(const QString& url)
{
    return QString::number(QUrl(url).port());
}

} // namespace

class TestProxyCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_host; // this machine's name, resolving to loopback
    SandboxProcess m_sandbox;
    SandboxProcess m_throttled; // 8 MiB/s per request body: an upload lasts long enough to be killed
    TinyproxyProcess m_proxy;
    TinyproxyProcess m_authProxy; // BasicAuth

    static QString bgePath() { return QStringLiteral(BGE_CLI_PATH); }
    QString home(const QString& sub) const { return m_dir.filePath(u"home/"_s + sub); }
    static QString caFile(const SandboxProcess& s) { return s.description().value(u"ca_file"_s).toString(); }

    // bge's environment for `sandbox`, its CA given, through `proxy` (none when empty).
    QProcessEnvironment environment(const SandboxProcess& sandbox, const QString& proxy) const
    {
        QProcessEnvironment env = sandboxCliEnvironment(m_dir.filePath(u"home"_s), sandbox, kClientId);
        env.insert(u"BGE_CA_BUNDLE"_s, caFile(sandbox));
        if (!proxy.isEmpty())
            env.insert(u"https_proxy"_s, proxy);
        return env;
    }

    Run bge(const QProcessEnvironment& env, const QStringList& arguments) const
    {
        return runProgram(bgePath(), arguments, env);
    }

    // CONNECT requests the proxy logged to the sandbox's API and object-storage ports.
    static int tunnelsTo(const TinyproxyProcess& proxy, const QString& host, const QString& endpoint)
    {
        return int(proxy.connectTargets().count(host + u':' + portOf(endpoint)));
    }

    // Downloads `object` through `env`'s route and compares it with `original`.
    void verifyStored(const QProcessEnvironment& env, const QString& object, const QString& original)
    {
        test::verifyStored([&](const QStringList& arguments) { return bge(env, arguments); }, object,
                           original, m_dir.path());
    }

    int journaledParts() const { return journaledUploadParts(home(u"data"_s)); }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QByteArray why = TinyproxyProcess::unavailable(&m_host); !why.isEmpty())
            QSKIP(why.constData());
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(bgePath()), qPrintable(bgePath()));
        for (const char* sub : {"home", "config", "data", "cache", "sandbox", "throttled"})
            QVERIFY(QDir().mkpath(home(QString::fromLatin1(sub))));
        QVERIFY2(
            m_sandbox.start({u"--tls"_s, u"--advertise-host"_s, m_host, u"--data-dir"_s, home(u"sandbox"_s)}),
            qPrintable(m_sandbox.errorOutput()));
        QVERIFY2(m_throttled.start({u"--tls"_s, u"--advertise-host"_s, m_host, u"--data-dir"_s,
                                    home(u"throttled"_s), u"--oss-faults"_s, u"bandwidth-kibps=8192"_s}),
                 qPrintable(m_throttled.errorOutput()));
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorOutput()));
        QVERIFY2(m_authProxy.start(kProxyUser, kProxyPassword), qPrintable(m_authProxy.errorOutput()));
    }

    // Every URL the sandbox hands out names the host asked for, and its certificate does too.
    void sandboxAdvertisesTheHostName()
    {
        const QString prefix = u"https://"_s + m_host + u':';
        QVERIFY2(m_sandbox.apiEndpoint().startsWith(prefix), qPrintable(m_sandbox.apiEndpoint()));
        QVERIFY2(m_sandbox.ossEndpoint().startsWith(prefix), qPrintable(m_sandbox.ossEndpoint()));
        QVERIFY(m_sandbox.description()
                    .value(u"omics"_s)
                    .toObject()
                    .value(u"endpoint"_s)
                    .toString()
                    .startsWith(prefix));
        const QString leaf = QFileInfo(caFile(m_sandbox)).dir().filePath(u"server-cert.pem"_s);
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(leaf);
        QCOMPARE(certificates.size(), 1);
        const auto names = certificates.first().subjectAlternativeNames();
        QVERIFY(names.values(QSsl::DnsEntry).contains(m_host));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
    }

    // A bad --advertise-host is a usage error.
    void advertiseHostChecked()
    {
        const Run run =
            runProgram(SandboxProcess::executable(), {u"--describe"_s, u"--advertise-host"_s, u"a,b"_s},
                       QProcessEnvironment::systemEnvironment());
        VERIFY_EXIT(run, 2);
        QVERIFY2(run.err.contains("--advertise-host"), run.describe().constData());
    }

    // A name that resolves to this computer is still a name: over plain http it could be sent
    // on (to a proxy, as here), so only literal loopback addresses and localhost may be http.
    void clearTextToTheHostNameRefused()
    {
        QUrl api(m_sandbox.apiEndpoint());
        api.setScheme(u"http"_s);
        QProcessEnvironment env = environment(m_sandbox, m_proxy.url());
        env.insert(u"BGE_ENDPOINT"_s, api.toString());
        m_proxy.clearLog();
        const Run run = bge(env, {u"whoami"_s});
        QVERIFY2(run.finished && run.exitCode != 0, run.describe().constData());
        QVERIFY2(run.err.contains("http://"), run.describe().constData());
        QCOMPARE(m_proxy.requestCount(), 0);
    }

    void apiCallsThroughTheProxy()
    {
        m_proxy.clearLog();
        const QProcessEnvironment env = environment(m_sandbox, m_proxy.url());
        const Run who = bge(env, {u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        const Run samples = bge(env, {u"samples"_s, u"--json"_s});
        VERIFY_EXIT(samples, 0);
        QVERIFY2(samples.out.contains("biosample_id"), samples.describe().constData());
        QVERIFY2(tunnelsTo(m_proxy, m_host, m_sandbox.apiEndpoint()) >= 2, qPrintable(m_proxy.log()));
        // Upper case, as some systems set it, and a proxy written without a scheme.
        m_proxy.clearLog();
        QProcessEnvironment upper = environment(m_sandbox, {});
        upper.insert(u"HTTPS_PROXY"_s, u"127.0.0.1:"_s + QString::number(m_proxy.port()));
        VERIFY_EXIT(bge(upper, {u"whoami"_s}), 0);
        QVERIFY2(tunnelsTo(m_proxy, m_host, m_sandbox.apiEndpoint()) >= 1, qPrintable(m_proxy.log()));
    }

    // A small file (one PutObject through Qt's stack), downloaded back through the proxy.
    void uploadAndDownloadThroughTheProxy()
    {
        const QProcessEnvironment env = environment(m_sandbox, m_proxy.url());
        const QString small = m_dir.filePath(u"small-proxy.vcf"_s);
        QVERIFY(writeFile(small, randomBytes(2 * kMiB + 5, 11)));
        m_proxy.clearLog();
        const Run up = bge(env, {u"upload"_s, small, u"--json"_s});
        VERIFY_EXIT(up, 0);
        QVERIFY2(tunnelsTo(m_proxy, m_host, m_sandbox.ossEndpoint()) >= 1, qPrintable(m_proxy.log()));
        verifyStored(env, up.json().toArray().first().toObject().value(u"object_name"_s).toString(), small);
        // Nothing went around it: every request the proxy saw was a tunnel to the sandbox.
        QCOMPARE(m_proxy.connectTargets().size(), m_proxy.requestCount());
    }

    // 120 MiB in 15 parts through our socket sender's CONNECT tunnels, killed once a few parts
    // are in; the same command resumes through the proxy, sends only the rest, and the object
    // is the file.
    void killedUploadResumesThroughTheProxy()
    {
        const QProcessEnvironment env = environment(m_throttled, m_proxy.url());
        const QString file = m_dir.filePath(u"big-proxy.bam"_s);
        QVERIFY(writeRandomFile(file, 120 * kMiB, 13));
        const int partCount = 15;
        const QStringList arguments{u"upload"_s,      file,   u"--json"_s, u"--jobs"_s, u"2"_s,
                                    u"--part-size"_s, u"8M"_s};
        m_proxy.clearLog();
        QProcess first;
        first.setProcessEnvironment(env);
        first.start(bgePath(), arguments);
        QVERIFY(first.waitForStarted(30000));
        QVERIFY2(
            QTest::qWaitFor([&] { return journaledParts() >= 3 || first.state() == QProcess::NotRunning; },
                            kRunTimeoutMs),
            "the first run never recorded three parts");
        QVERIFY2(first.state() == QProcess::Running, first.readAllStandardError().right(2000).constData());
        first.kill();
        QVERIFY(first.waitForFinished(30000));
        const int before = journaledParts();
        QVERIFY2(before >= 3 && before < partCount, QByteArray::number(before).constData());
        QVERIFY2(tunnelsTo(m_proxy, m_host, m_throttled.ossEndpoint()) >= 1, qPrintable(m_proxy.log()));

        m_proxy.clearLog();
        const Run second = bge(env, arguments);
        VERIFY_EXIT(second, 0);
        const QJsonObject result = second.json().toArray().first().toObject();
        QVERIFY2(result.value(u"resumed"_s).toBool(), second.describe().constData());
        QCOMPARE(result.value(u"parts_sent"_s).toInt(), partCount - before);
        QCOMPARE(result.value(u"crc64"_s).toString(), crc64Of(file));
        QVERIFY2(tunnelsTo(m_proxy, m_host, m_throttled.ossEndpoint()) >= 1, qPrintable(m_proxy.log()));
        QCOMPARE(m_proxy.connectTargets().size(), m_proxy.requestCount());
        verifyStored(env, result.value(u"object_name"_s).toString(), file);
        QFile::remove(file);
    }

    // no_proxy (and NO_PROXY) naming the host: everything goes direct, the proxy sees nothing.
    void noProxyGoesDirect_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("no_proxy host") << u"no_proxy"_s << m_host;
        QTest::newRow("NO_PROXY list with a suffix") << u"NO_PROXY"_s << u"example.org, ."_s + m_host;
    }
    void noProxyGoesDirect()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env = environment(m_sandbox, m_proxy.url());
        env.insert(variable, value);
        const QString file = m_dir.filePath(u"direct.vcf"_s);
        QVERIFY(writeFile(file, randomBytes(kMiB, 14)));
        m_proxy.clearLog();
        VERIFY_EXIT(bge(env, {u"whoami"_s}), 0);
        const Run up = bge(env, {u"upload"_s, file, u"--json"_s, u"--overwrite"_s});
        VERIFY_EXIT(up, 0);
        QCOMPARE(m_proxy.requestCount(), 0);
    }

    // The right credentials in the proxy URL pass; wrong or missing ones end the command at
    // once with a sentence naming the proxy, never the password.
    void proxyCredentials()
    {
        m_authProxy.clearLog();
        const Run good =
            bge(environment(m_sandbox, m_authProxy.url(kProxyUser, kProxyPassword)), {u"samples"_s});
        VERIFY_EXIT(good, 0);
        QVERIFY2(tunnelsTo(m_authProxy, m_host, m_sandbox.apiEndpoint()) >= 1, qPrintable(m_authProxy.log()));

        const QString where = u"127.0.0.1:"_s + QString::number(m_authProxy.port());
        const Run wrong =
            bge(environment(m_sandbox, m_authProxy.url(kProxyUser, u"wrong-password"_s)), {u"samples"_s});
        VERIFY_EXIT(wrong, 3);
        // tinyproxy answers wrong credentials with 401, not 407; Qt's manager keeps no status and
        // cannot tell it from a proxy that could not reach the server: retried, then told neutrally.
        QVERIFY2(wrong.errText().contains(u"proxy at "_s + where), wrong.describe().constData());
        QVERIFY2(wrong.err.contains("https_proxy"), wrong.describe().constData());
        QVERIFY2(!wrong.err.contains("wrong-password") && !wrong.out.contains("wrong-password"),
                 wrong.describe().constData());

        const Run none = bge(environment(m_sandbox, m_authProxy.url()), {u"samples"_s});
        VERIFY_EXIT(none, 3);
        QVERIFY2(none.errText().contains(u"The proxy at "_s + where +
                                         u" asks for a user name and password (407)"_s),
                 none.describe().constData());

        // The same for object storage alone: the API by 127.0.0.1 (always direct), the storage
        // endpoint it hands out by name, through the proxy.
        const QString file = m_dir.filePath(u"refused.bam"_s);
        QVERIFY(writeRandomFile(file, 20 * kMiB, 15));
        QProcessEnvironment env = environment(m_sandbox, m_authProxy.url());
        QUrl api(m_sandbox.apiEndpoint());
        api.setHost(u"127.0.0.1"_s);
        env.insert(u"BGE_ENDPOINT"_s, api.toString());
        m_authProxy.clearLog();
        const Run upload = bge(env, {u"upload"_s, file, u"--part-size"_s, u"8M"_s});
        VERIFY_EXIT(upload, 3);
        QVERIFY2(upload.errText().contains(u"The proxy at "_s + where +
                                           u" asks for a user name and password (407)"_s),
                 upload.describe().constData());
        QCOMPARE(tunnelsTo(m_authProxy, m_host, m_sandbox.apiEndpoint()), 0);
        QVERIFY2(tunnelsTo(m_authProxy, m_host, m_sandbox.ossEndpoint()) >= 1, qPrintable(m_authProxy.log()));
    }

    // The server is down behind a working proxy (tinyproxy answers CONNECT to a closed port with
    // 500): an outage, retried like any other (one CONNECT per attempt), and the last failure
    // says the proxy could not reach the server, with no word of credentials.
    void serverDownBehindTheProxy()
    {
        QUrl endpoint(m_sandbox.apiEndpoint());
        endpoint.setPort(TinyproxyProcess::freePort());
        QProcessEnvironment env = environment(m_sandbox, m_proxy.url());
        env.insert(u"BGE_ENDPOINT"_s, endpoint.toString());
        m_proxy.clearLog();
        const Run run = bge(env, {u"whoami"_s});
        VERIFY_EXIT(run, 3);
        QVERIFY2(tunnelsTo(m_proxy, m_host, endpoint.toString()) >= 2, qPrintable(m_proxy.log()));
        QVERIFY2(run.errText().contains(u"proxy at 127.0.0.1:%1"_s.arg(m_proxy.port())), run.describe().constData());
        QVERIFY2(run.err.contains("could not connect to the server"), run.describe().constData());
        QVERIFY2(!run.err.contains("user name") && !run.err.contains("password"), run.describe().constData());
    }

    // A proxy nobody listens on: named in the sentence (not the server), after the usual retries.
    void unreachableProxy()
    {
        const quint16 closed = TinyproxyProcess::freePort();
        QVERIFY(closed != 0);
        const QString proxy = u"http://127.0.0.1:"_s + QString::number(closed);
        const Run run = bge(environment(m_sandbox, proxy), {u"whoami"_s});
        VERIFY_EXIT(run, 3);
        QVERIFY2(run.errText().contains(u"proxy at 127.0.0.1:%1"_s.arg(closed)), run.describe().constData());
        QVERIFY2(run.err.contains("cannot be reached"), run.describe().constData());
        // A value that is no proxy URL at all is a usage error naming the variable.
        QProcessEnvironment env = environment(m_sandbox, {});
        env.insert(u"HTTPS_PROXY"_s, u"ftp://nowhere"_s);
        const Run bad = bge(env, {u"whoami"_s});
        VERIFY_EXIT(bad, 2);
        QVERIFY2(bad.err.contains("HTTPS_PROXY"), bad.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestProxyCli)
#include "tst_proxy_cli.moc"
