// `bge` against `bge-sandbox --tls` (issue 14, "TLS end to end"): the sandbox's throwaway CA
// given with --ca-bundle or BGE_CA_BUNDLE, API calls, an upload through Qt's stack (PutObject)
// and one through our own socket sender (multipart, killed and resumed), downloads read back
// byte for byte; without the CA every call is refused with a sentence saying why.
#include "cli/sandboxtransfers.h"

#include <QProcess>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

const QString kClientId = u"bge-pipeline-demo"_s;

} // namespace

class TestTlsCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    SandboxProcess m_throttled; // 16 MiB/s per request body: an upload lasts long enough to be killed

    static QString bgePath() { return QStringLiteral(BGE_CLI_PATH); }
    QString home(const QString& sub) const { return m_dir.filePath(u"home/"_s + sub); }
    static QString caFile(const SandboxProcess& s) { return s.description().value(u"ca_file"_s).toString(); }

    QProcessEnvironment environment(const SandboxProcess& sandbox) const
    {
        return sandboxCliEnvironment(m_dir.filePath(u"home"_s), sandbox, kClientId);
    }

    std::unique_ptr<QProcess> start(const QProcessEnvironment& env, const QStringList& arguments) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(bgePath(), arguments);
        return p;
    }

    Run bge(const QProcessEnvironment& env, const QStringList& arguments) const
    {
        return runProgram(bgePath(), arguments, env);
    }
    Run bge(const SandboxProcess& sandbox, const QStringList& arguments) const
    {
        return bge(environment(sandbox), QStringList{u"--ca-bundle"_s, caFile(sandbox)} + arguments);
    }

    // Downloads `object` (over TLS) and compares it with `original`.
    void verifyStored(const SandboxProcess& sandbox, const QString& object, const QString& original)
    {
        test::verifyStored([&](const QStringList& arguments) { return bge(sandbox, arguments); }, object, original,
                           m_dir.path());
    }

    int journaledParts() const { return journaledUploadParts(home(u"data"_s)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(bgePath()), qPrintable(bgePath()));
        for (const char* sub : {"home", "config", "data", "cache", "sandbox", "throttled"})
            QVERIFY(QDir().mkpath(home(QString::fromLatin1(sub))));
        QVERIFY2(m_sandbox.start({u"--tls"_s, u"--data-dir"_s, home(u"sandbox"_s)}), qPrintable(m_sandbox.errorOutput()));
        QVERIFY2(m_throttled.start({u"--tls"_s, u"--data-dir"_s, home(u"throttled"_s), u"--oss-faults"_s,
                                    u"bandwidth-kibps=16384"_s}),
                 qPrintable(m_throttled.errorOutput()));
    }

    // The JSON line: every URL https, the CA's file there and a CA certificate.
    void sandboxDescribesTls()
    {
        const QJsonObject d = m_sandbox.description();
        QVERIFY(d.value(u"tls"_s).toBool());
        QVERIFY(m_sandbox.apiEndpoint().startsWith(u"https://127.0.0.1:"_s));
        QVERIFY(m_sandbox.ossEndpoint().startsWith(u"https://127.0.0.1:"_s));
        QVERIFY(d.value(u"omics"_s).toObject().value(u"endpoint"_s).toString().startsWith(u"https://127.0.0.1:"_s));
        QFile ca(caFile(m_sandbox));
        QVERIFY2(ca.open(QIODevice::ReadOnly), qPrintable(ca.fileName()));
        QVERIFY(ca.readAll().startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(caFile(m_sandbox) != caFile(m_throttled));
    }

    // Without the CA: refused with the sentence (naming the CA), never Qt's words alone, at once.
    void untrustedCertificateRefused()
    {
        const Run run = bge(environment(m_sandbox), {u"whoami"_s});
        QVERIFY2(run.finished && run.exitCode != 0, run.describe().constData());
        QVERIFY2(run.err.contains("The server's certificate is not trusted (issued by BGE sandbox throwaway CA"),
                 run.describe().constData());
        QVERIFY2(run.err.contains("--ca-bundle"), run.describe().constData());
        // The other sandbox's CA is no better: trust is in that one CA, not in "some sandbox".
        const Run wrong = bge(environment(m_sandbox), {u"--ca-bundle"_s, caFile(m_throttled), u"whoami"_s});
        QVERIFY2(wrong.finished && wrong.exitCode != 0 && wrong.err.contains("is not trusted"),
                 wrong.describe().constData());
    }

    void apiCallsWithCaBundle()
    {
        const Run who = bge(m_sandbox, {u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        const Run samples = bge(m_sandbox, {u"samples"_s, u"--json"_s});
        VERIFY_EXIT(samples, 0);
        QVERIFY2(samples.out.contains("biosample_id"), samples.describe().constData());
        // The same from BGE_CA_BUNDLE.
        QProcessEnvironment env = environment(m_sandbox);
        env.insert(u"BGE_CA_BUNDLE"_s, caFile(m_sandbox));
        VERIFY_EXIT(bge(env, {u"whoami"_s}), 0);
    }

    // A bundle that will not do stops bge at once, with the file named and what to pass instead.
    void unusableBundleRefused()
    {
        const Run missing = bge(environment(m_sandbox), {u"--ca-bundle"_s, m_dir.filePath(u"nope.pem"_s), u"whoami"_s});
        VERIFY_EXIT(missing, 2);
        QVERIFY2(missing.err.contains("nope.pem") && missing.err.contains("cannot be read"), missing.describe().constData());
        const QString garbage = m_dir.filePath(u"garbage.pem"_s);
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly) && g.write("not a certificate\n") > 0);
        g.close();
        const Run junk = bge(environment(m_sandbox), {u"--ca-bundle"_s, garbage, u"whoami"_s});
        VERIFY_EXIT(junk, 2);
        QVERIFY2(junk.err.contains("holds no certificate"), junk.describe().constData());
        // The server's own certificate is not an authority.
        const QString leaf = QFileInfo(caFile(m_sandbox)).dir().filePath(u"server-cert.pem"_s);
        const Run server = bge(environment(m_sandbox), {u"--ca-bundle"_s, leaf, u"whoami"_s});
        VERIFY_EXIT(server, 2);
        QVERIFY2(server.err.contains("not a certificate authority"), server.describe().constData());
        QProcessEnvironment env = environment(m_sandbox);
        env.insert(u"BGE_CA_BUNDLE"_s, m_dir.path());
        const Run folder = bge(env, {u"whoami"_s});
        VERIFY_EXIT(folder, 2);
        QVERIFY2(folder.err.contains("is a folder"), folder.describe().constData());
    }

    // A bundle is a list, as a system bundle with the company's CA appended: an entry that is no
    // authority is skipped (with a warning), the CA beside it still trusted.
    void bundleWithAServerCertificateStillTrustsItsCa()
    {
        const QString leaf = QFileInfo(caFile(m_sandbox)).dir().filePath(u"server-cert.pem"_s);
        QFile leafFile(leaf), caFileIn(caFile(m_sandbox));
        QVERIFY(leafFile.open(QIODevice::ReadOnly) && caFileIn.open(QIODevice::ReadOnly));
        const QString mixed = m_dir.filePath(u"mixed.pem"_s);
        QFile out(mixed);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(leafFile.readAll() + caFileIn.readAll()) > 0);
        out.close();
        const Run who = bge(environment(m_sandbox), {u"--ca-bundle"_s, mixed, u"whoami"_s});
        VERIFY_EXIT(who, 0);
    }

    // A small file: one PutObject; then downloaded back over TLS.
    void smallUploadAndDownload()
    {
        const QString file = m_dir.filePath(u"small-tls.vcf"_s);
        QVERIFY(writeFile(file, randomBytes(3 * kMiB + 17, 7)));
        const Run up = bge(m_sandbox, {u"upload"_s, file, u"--json"_s});
        VERIFY_EXIT(up, 0);
        const QJsonObject result = up.json().toArray().first().toObject();
        QCOMPARE(result.value(u"crc64"_s).toString(), crc64Of(file));
        verifyStored(m_sandbox, result.value(u"object_name"_s).toString(), file);
    }

    // 120 MiB in 15 parts of 8 MiB through the socket sender over TLS, killed once a few parts
    // are in; the same command resumes, sends only the rest, and the object is the file.
    void multipartUploadResumesOverTls()
    {
        const QString file = m_dir.filePath(u"big-tls.bam"_s);
        QVERIFY(writeFile(file, randomBytes(120 * kMiB, 3)));
        const int partCount = 15;
        const QStringList arguments{u"upload"_s, file, u"--json"_s, u"--jobs"_s, u"2"_s, u"--part-size"_s, u"8M"_s};
        const auto first = start(environment(m_throttled), QStringList{u"--ca-bundle"_s, caFile(m_throttled)} + arguments);
        QVERIFY(first->waitForStarted(30000));
        QVERIFY2(QTest::qWaitFor([&] { return journaledParts() >= 3 || first->state() == QProcess::NotRunning; },
                                 kRunTimeoutMs),
                 "the first run never recorded three parts");
        QVERIFY2(first->state() == QProcess::Running, first->readAllStandardError().right(2000).constData());
        first->kill();
        QVERIFY(first->waitForFinished(30000));
        const int before = journaledParts();
        QVERIFY2(before >= 3 && before < partCount, QByteArray::number(before).constData());

        const Run second = bge(m_throttled, arguments);
        VERIFY_EXIT(second, 0);
        const QJsonObject result = second.json().toArray().first().toObject();
        QVERIFY2(result.value(u"resumed"_s).toBool(), second.describe().constData());
        QCOMPARE(result.value(u"parts_sent"_s).toInt(), partCount - before);
        QCOMPARE(result.value(u"crc64"_s).toString(), crc64Of(file));
        verifyStored(m_throttled, result.value(u"object_name"_s).toString(), file);
        QFile::remove(file);
    }
};

QTEST_GUILESS_MAIN(TestTlsCli)
#include "tst_tls_cli.moc"
