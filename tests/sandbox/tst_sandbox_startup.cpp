// How bge-sandbox starts: the JSON line, --describe, determinism of the demo data, and
// clear failures (port in use, bad options, bad config) with a non-zero exit.
#include "common/sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runSandbox(const QStringList& args)
{
    QProcess p;
    p.start(SandboxProcess::executable(), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestSandboxStartup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describePrintsOneJsonLine()
    {
        const Run r = runSandbox(
            {u"--describe"_s, u"--port"_s, u"8710"_s, u"--oss-port"_s, u"8711"_s, u"--omics-port"_s, u"8712"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 1);
        const QJsonObject d = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(d.value(u"api_endpoint").toString(), u"http://127.0.0.1:8710"_s);
        QCOMPARE(d.value(u"oss_endpoint").toString(), u"http://127.0.0.1:8711"_s);
        QCOMPARE(d.value(u"omics").toObject().value(u"endpoint").toString(), u"http://127.0.0.1:8712"_s);
        QVERIFY(!d.value(u"auto_approve_param").toString().isEmpty());
        const QJsonArray users = d.value(u"users").toArray();
        QVERIFY(users.size() >= 2);
        for (const QJsonValue& u : users) {
            const QJsonObject o = u.toObject();
            QVERIFY(!o.value(u"username").toString().isEmpty());
            QVERIFY(!o.value(u"password").toString().isEmpty());
            QVERIFY(QRegularExpression(u"^E-B\\d{11}$"_s).match(o.value(u"samples").toObject().value(u"genomics").toString()).hasMatch());
            QVERIFY(QRegularExpression(u"^E-F\\d{11}$"_s).match(o.value(u"samples").toObject().value(u"metagenomics").toString()).hasMatch());
        }
        QStringList grants;
        for (const QJsonValue& c : d.value(u"clients").toArray()) {
            const QJsonObject o = c.toObject();
            QVERIFY(!o.value(u"client_id").toString().isEmpty());
            QVERIFY(!o.value(u"client_secret").toString().isEmpty());
            QVERIFY(o.value(u"redirect_uris").isArray());
            QVERIFY(!o.value(u"scopes").toArray().isEmpty());
            grants.append(o.value(u"grant_type").toString());
        }
        QVERIFY(grants.contains(u"authorization_code"_s));
        QVERIFY(grants.contains(u"client_credentials"_s));
        QVERIFY(d.value(u"models").toArray().size() >= 3);
    }

    void demoDataIsDeterministicPerSeed()
    {
        const Run a = runSandbox({u"--describe"_s, u"--seed"_s, u"7"_s});
        const Run b = runSandbox({u"--describe"_s, u"--seed"_s, u"7"_s});
        const Run c = runSandbox({u"--describe"_s, u"--seed"_s, u"8"_s});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out != c.out);
    }

    void startsOnFreePortsAndServes()
    {
        QTemporaryDir data;
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--data-dir"_s, data.path()}), qPrintable(sandbox.errorOutput()));
        const QUrl api(sandbox.apiEndpoint());
        const QUrl oss(sandbox.ossEndpoint());
        QCOMPARE(api.host(), u"127.0.0.1"_s);
        QVERIFY(api.port() > 0 && oss.port() > 0 && api.port() != oss.port());
        QVERIFY(QDir(data.path()).exists(u"oss"_s));
        const QUrl omics(sandbox.description().value(u"omics").toObject().value(u"endpoint").toString());
        QCOMPARE(omics.host(), u"127.0.0.1"_s);
        QVERIFY(omics.port() > 0 && omics.port() != api.port() && omics.port() != oss.port());
        QVERIFY(QFile::exists(data.filePath(u"omics/state.json"_s)));
    }

    void portInUseFailsClearly()
    {
        QTcpServer occupier;
        QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
        const QString port = QString::number(occupier.serverPort());
        for (const QString& option : {u"--port"_s, u"--oss-port"_s, u"--omics-port"_s}) {
            const Run r = runSandbox({option, port});
            QVERIFY(r.exitCode != 0);
            QVERIFY2(r.err.contains(port.toUtf8()) && r.err.contains("in use"), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
    }

    void badOptionsFailClearly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mention");
        QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s} << QByteArray("--port");
        QTest::newRow("port out of range") << QStringList{u"--port"_s, u"70000"_s} << QByteArray("--port");
        QTest::newRow("ttl zero") << QStringList{u"--token-ttl"_s, u"0"_s} << QByteArray("--token-ttl");
        QTest::newRow("refresh ttl") << QStringList{u"--refresh-ttl"_s, u"forever"_s} << QByteArray("--refresh-ttl");
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << QByteArray("frobnicate");
        QTest::newRow("bad faults") << QStringList{u"--oss-faults"_s, u"error-rate=2"_s} << QByteArray("error-rate");
        QTest::newRow("bad advertise") << QStringList{u"--advertise-oss"_s, u"not a url"_s} << QByteArray("--advertise-oss");
        QTest::newRow("omics port") << QStringList{u"--omics-port"_s, u"-1"_s} << QByteArray("--omics-port");
        QTest::newRow("omics quotas") << QStringList{u"--omics-quotas"_s, u"maybe"_s} << QByteArray("--omics-quotas");
        QTest::newRow("omics faults") << QStringList{u"--omics-faults"_s, u"drop-rate=7"_s} << QByteArray("--omics-faults");
        QTest::newRow("omics part size") << QStringList{u"--omics-read-part-size"_s, u"0"_s}
                                         << QByteArray("--omics-read-part-size");
        QTest::newRow("omics processing") << QStringList{u"--omics-processing-ms"_s, u"soon"_s}
                                          << QByteArray("--omics-processing-ms");
        QTest::newRow("missing config") << QStringList{u"--config"_s, u"/nonexistent/clients.json"_s}
                                        << QByteArray("/nonexistent/clients.json");
    }
    void badOptionsFailClearly()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mention);
        const Run r = runSandbox(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mention), r.err.constData());
    }

    void malformedConfigFailsClearly()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath(u"clients.json"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"clients": [{"client_id": "x", "grant_type": "implicit"}]})");
        config.close();
        const Run r = runSandbox({u"--config"_s, config.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("grant_type"), r.err.constData());
    }

    void advertisedOssEndpointIsUsed()
    {
        const Run r = runSandbox({u"--describe"_s, u"--advertise-oss"_s, u"https://oss.example.org:8443"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"oss_endpoint").toString(),
                 u"https://oss.example.org:8443"_s);
    }
};

QTEST_GUILESS_MAIN(TestSandboxStartup)
#include "tst_sandbox_startup.moc"
