// AWS settings as the SDKs resolve them: the shared files' INI dialect, the order of
// environment, profile and files for credentials, region and endpoint, credential_process
// (a real child process the test writes), and keychain-backed accounts.
#include "credentials/memorycredentialstore.h"
#include "omics/awsconfigfile.h"
#include "omics/awscredentialsprovider.h"
#include "omics/awssettings.h"
#include "omics/credentialprocess.h"
#include "omics/omicsaccount.h"
#include "omicstestsupport.h"

#include <QSettings>
#include <QtTest>

using namespace bge;
using namespace bge::omics;
using namespace Qt::StringLiterals;

class TestAwsSettings final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // A clean environment: HOME is the scratch folder, nothing AWS_ inherited from the machine.
    QProcessEnvironment cleanEnvironment() const
    {
        QProcessEnvironment env;
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        return env;
    }
    void writeConfig(const QByteArray& text)
    {
        QVERIFY(test::writeFile(m_home.filePath(u".aws/config"_s), text));
    }
    void writeCredentials(const QByteArray& text)
    {
        QVERIFY(test::writeFile(m_home.filePath(u".aws/credentials"_s), text));
    }
    Result<AwsSettings> resolve(const QProcessEnvironment& env, const QString& profile = {},
                                const QString& region = {}, const QString& endpoint = {})
    {
        AwsSettingsRequest request;
        request.environment = env;
        request.profile = profile;
        request.region = region;
        request.endpoint = endpoint;
        return resolveAwsSettings(request);
    }
    QString script(const QString& name, const QByteArray& body)
    {
        const QString path = m_home.filePath(u"bin/"_s + name);
        test::writeFile(path, "#!/bin/sh\n" + body, true);
        return path;
    }

private Q_SLOTS:
    void init() { QDir(m_home.path() + u"/.aws"_s).removeRecursively(); }

    void iniSectionsKeysAndComments()
    {
        const AwsConfigFile f = AwsConfigFile::parse("# leading comment\n"
                                                     "; another\n"
                                                     "[default]\n"
                                                     "region=us-east-1\n"
                                                     "  \n"
                                                     "[profile  dev ]\r\n"
                                                     "Region   =   eu-west-2   \r\n"
                                                     "aws_secret_access_key = abc#def;ghi\n"
                                                     "services = emu\n"
                                                     "\t# an indented comment\n"
                                                     "[services emu]\n"
                                                     "omics =\n"
                                                     "  endpoint_url = http://127.0.0.1:9000\n"
                                                     "\tsignature_version = v4\n"
                                                     "s3 =\n"
                                                     "  endpoint_url = http://127.0.0.1:9100\n"
                                                     "[broken\n"
                                                     "lost = yes\n"
                                                     "[profile multi]\n"
                                                     "credential_process = /bin/tool\n"
                                                     "  --flag\n");
        QCOMPARE(f.section(u"default"_s).value(u"region"_s), u"us-east-1"_s);
        // Header whitespace is normalised, keys are lower-cased, values trimmed.
        QVERIFY(f.hasSection(u"profile dev"_s));
        QCOMPARE(f.section(u"profile dev"_s).value(u"region"_s), u"eu-west-2"_s);
        // No inline comments: a '#' or ';' in a secret is part of it.
        QCOMPARE(f.section(u"profile dev"_s).value(u"aws_secret_access_key"_s), u"abc#def;ghi"_s);
        const auto services = f.section(u"services emu"_s);
        QCOMPARE(services.value(u"omics.endpoint_url"_s), u"http://127.0.0.1:9000"_s);
        QCOMPARE(services.value(u"omics.signature_version"_s), u"v4"_s);
        QCOMPARE(services.value(u"s3.endpoint_url"_s), u"http://127.0.0.1:9100"_s);
        QVERIFY(!services.contains(u"endpoint_url"_s));
        // A broken header hides what follows until the next good one.
        QVERIFY(!f.hasSection(u"broken"_s));
        const QStringList names = f.sectionNames();
        for (const QString& name : names)
            QVERIFY2(!f.section(name).contains(u"lost"_s), qPrintable(name));
        QCOMPARE(f.section(u"profile multi"_s).value(u"credential_process"_s), u"/bin/tool\n--flag"_s);
    }

    void iniGarbageIsHarmless()
    {
        const QByteArray garbage = QByteArray(1, '\0') + "\xff[[[\n=\n==x\n[]\nkey\n  indented = yes\n";
        const AwsConfigFile f = AwsConfigFile::parse(garbage);
        // Lines outside any section and lines without '=' are ignored; "[]" is a section named "".
        QCOMPARE(f.sectionNames(), QStringList{QString()});
        QCOMPARE(f.section(QString()).value(u"indented"_s), u"yes"_s);
        QCOMPARE(f.section(QString()).size(), 1);
        QVERIFY(AwsConfigFile::load(m_home.filePath(u"missing"_s)).sectionNames().isEmpty());
    }

    void profileMergesBothFiles()
    {
        const AwsSharedConfig shared(
            AwsConfigFile::parse("[default]\nregion = us-west-2\n"
                                 "[profile a]\nregion = eu-west-1\naws_access_key_id = CFG\n"),
            AwsConfigFile::parse("[a]\naws_access_key_id = CRED\n[b]\nx = 1\n"));
        QCOMPARE(shared.profile(u"a"_s).value(u"region"_s), u"eu-west-1"_s);
        QCOMPARE(shared.profile(u"a"_s).value(u"aws_access_key_id"_s), u"CRED"_s);
        QCOMPARE(shared.profile(u"default"_s).value(u"region"_s), u"us-west-2"_s);
        QVERIFY(shared.hasProfile(u"b"_s));
        QVERIFY(!shared.hasProfile(u"c"_s));
    }

    void environmentKeysWin()
    {
        writeCredentials("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n");
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"AWS_ACCESS_KEY_ID"_s, u"ENVKEY"_s);
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"envsecret"_s);
        env.insert(u"AWS_SECURITY_TOKEN"_s, u"legacy-token"_s);
        const Result<AwsSettings> s = resolve(env);
        QVERIFY2(s, qPrintable(s.error().fullText()));
        QCOMPARE(s->credentialSource, AwsSettings::CredentialSource::Environment);
        QCOMPARE(s->credentials.accessKeyId, u"ENVKEY"_s);
        QCOMPARE(s->credentials.sessionToken, u"legacy-token"_s);
        env.insert(u"AWS_SESSION_TOKEN"_s, u"session-token"_s);
        QCOMPARE(resolve(env)->credentials.sessionToken, u"session-token"_s);
        // AWS_PROFILE alone does not hide the environment keys (botocore)...
        writeCredentials("[other]\naws_access_key_id = OTHERKEY\naws_secret_access_key = othersecret\n");
        env.insert(u"AWS_PROFILE"_s, u"other"_s);
        QCOMPARE(resolve(env)->credentials.accessKeyId, u"ENVKEY"_s);
        // ...an explicit profile does.
        const Result<AwsSettings> explicitProfile = resolve(env, u"other"_s);
        QVERIFY(explicitProfile);
        QCOMPARE(explicitProfile->credentialSource, AwsSettings::CredentialSource::SharedFile);
        QCOMPARE(explicitProfile->credentials.accessKeyId, u"OTHERKEY"_s);
        QCOMPARE(explicitProfile->profile, u"other"_s);
    }

    void partialKeysAreRefused()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"AWS_ACCESS_KEY_ID"_s, u"ENVKEY"_s);
        const Result<AwsSettings> s = resolve(env);
        QVERIFY(!s);
        QCOMPARE(s.error().kind(), ApiError::Kind::Usage);
        QVERIFY(!s.error().detail().contains(u"ENVKEY"_s));
        writeCredentials("[default]\naws_secret_access_key = onlysecret\n");
        const Result<AwsSettings> file = resolve(cleanEnvironment());
        QVERIFY(!file);
        QVERIFY(!file.error().detail().contains(u"onlysecret"_s));
    }

    void profileFromEnvironmentAndFiles()
    {
        writeConfig("[profile dev]\nregion = eu-central-1\n"
                    "[profile cfgkeys]\naws_access_key_id = CFGKEY\naws_secret_access_key = cfgsecret\n"
                    "aws_session_token = cfgtoken\n");
        writeCredentials("[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = devsecret\n");
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"AWS_PROFILE"_s, u"dev"_s);
        Result<AwsSettings> s = resolve(env);
        QVERIFY2(s, qPrintable(s.error().fullText()));
        QCOMPARE(s->profile, u"dev"_s);
        QCOMPARE(s->credentials.accessKeyId, u"DEVKEY"_s);
        QCOMPARE(s->region, u"eu-central-1"_s);
        QCOMPARE(s->regionSource, u"profile dev"_s);
        // Keys in the config file itself count too (after the credentials file).
        s = resolve(cleanEnvironment(), u"cfgkeys"_s);
        QVERIFY(s);
        QCOMPARE(s->credentials.accessKeyId, u"CFGKEY"_s);
        QCOMPARE(s->credentials.sessionToken, u"cfgtoken"_s);
        // A profile that exists nowhere is an error, not silently the default.
        env.insert(u"AWS_PROFILE"_s, u"nope"_s);
        QVERIFY(!resolve(env));
        QCOMPARE(resolve(cleanEnvironment(), u"nope"_s).error().kind(), ApiError::Kind::Usage);
        // No profile at all and no keys: settings without credentials.
        QDir(m_home.path() + u"/.aws"_s).removeRecursively();
        s = resolve(cleanEnvironment());
        QVERIFY(s);
        QCOMPARE(s->credentialSource, AwsSettings::CredentialSource::None);
        QObject parent;
        const Result<AwsCredentialsProvider*> provider = createCredentialsProvider(s.value(), &parent);
        QVERIFY(!provider);
        QCOMPARE(provider.error().kind(), ApiError::Kind::Authentication);
    }

    void filePathsFromEnvironment()
    {
        QVERIFY(test::writeFile(m_home.filePath(u"elsewhere/conf"_s), "[default]\nregion = ap-south-1\n"));
        QVERIFY(test::writeFile(m_home.filePath(u"elsewhere/creds"_s),
                                "[default]\naws_access_key_id = PATHKEY\naws_secret_access_key = s\n"));
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"AWS_CONFIG_FILE"_s, u"~/elsewhere/conf"_s);
        env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"elsewhere/creds"_s));
        const Result<AwsSettings> s = resolve(env);
        QVERIFY(s);
        QCOMPARE(s->region, u"ap-south-1"_s);
        QCOMPARE(s->credentials.accessKeyId, u"PATHKEY"_s);
        QCOMPARE(s->configPath, m_home.filePath(u"elsewhere/conf"_s));
    }

    void regionOrder()
    {
        writeConfig("[default]\nregion = eu-west-3\n");
        QProcessEnvironment env = cleanEnvironment();
        QCOMPARE(resolve(env)->region, u"eu-west-3"_s);
        env.insert(u"AWS_DEFAULT_REGION"_s, u"us-west-1"_s);
        QCOMPARE(resolve(env)->region, u"us-west-1"_s);
        env.insert(u"AWS_REGION"_s, u"us-east-2"_s);
        QCOMPARE(resolve(env)->region, u"us-east-2"_s);
        QCOMPARE(resolve(env)->regionSource, u"AWS_REGION"_s);
        QCOMPARE(resolve(env, {}, u"ca-central-1"_s)->region, u"ca-central-1"_s);
    }

    void endpointOrder()
    {
        writeConfig("[default]\nendpoint_url = http://127.0.0.1:7001\nservices = emu\n"
                    "[services emu]\nomics =\n  endpoint_url = http://127.0.0.1:7002\n"
                    "[profile plain]\nendpoint_url = http://localhost:7005\n");
        QProcessEnvironment env = cleanEnvironment();
        QCOMPARE(resolve(env)->endpoint, QUrl(u"http://127.0.0.1:7002"_s));
        QCOMPARE(resolve(env, u"plain"_s)->endpoint, QUrl(u"http://localhost:7005"_s));
        env.insert(u"AWS_ENDPOINT_URL"_s, u"http://127.0.0.1:7003"_s);
        QCOMPARE(resolve(env)->endpoint, QUrl(u"http://127.0.0.1:7003"_s));
        env.insert(u"AWS_ENDPOINT_URL_OMICS"_s, u"http://127.0.0.1:7004"_s);
        QCOMPARE(resolve(env)->endpoint, QUrl(u"http://127.0.0.1:7004"_s));
        QCOMPARE(resolve(env)->endpointSource, u"AWS_ENDPOINT_URL_OMICS"_s);
        // An explicit endpoint always wins, even over the "ignore" switch.
        env.insert(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s, u"true"_s);
        QVERIFY(resolve(env)->endpoint.isEmpty());
        QCOMPARE(resolve(env, {}, {}, u"https://vpce.example.com"_s)->endpoint,
                 QUrl(u"https://vpce.example.com"_s));
        // Without an override: the regional endpoint, which needs a region.
        Result<AwsSettings> s = resolve(env);
        QCOMPARE(s->resolveEndpoint().error().kind(), ApiError::Kind::Usage);
        s = resolve(env, {}, u"us-east-1"_s);
        QCOMPARE(s->resolveEndpoint()->baseUrl(), QUrl(u"https://omics.us-east-1.amazonaws.com"_s));
        // A remote plain-http override is refused when it is used.
        s = resolve(env, {}, u"us-east-1"_s, u"http://omics.example.com"_s);
        QCOMPARE(s->resolveEndpoint().error().kind(), ApiError::Kind::Usage);
    }

    void credentialProcessOutput()
    {
        const QDateTime now = QDateTime::fromString(u"2026-01-01T00:00:00Z"_s, Qt::ISODate);
        Result<aws::AwsCredentials> c = parseCredentialProcessOutput(
            R"({"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK","SessionToken":"T","Expiration":"2026-01-01T01:00:00Z"})",
            now);
        QVERIFY2(c, qPrintable(c.error().fullText()));
        QCOMPARE(c->accessKeyId, u"AK"_s);
        QCOMPARE(c->sessionToken, u"T"_s);
        QCOMPARE(c->expiration, now.addSecs(3600));
        const QList<QByteArray> bad = {
            "not json",
            "[]",
            R"({"Version":2,"AccessKeyId":"AK","SecretAccessKey":"SK"})",
            R"({"AccessKeyId":"AK","SecretAccessKey":"SK"})",
            R"({"Version":1,"AccessKeyId":"AK"})",
            R"({"Version":1,"AccessKeyId":"AK","SecretAccessKey":42})",
            R"({"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK","Expiration":"tomorrow"})",
            R"({"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK","Expiration":"2025-12-31T23:00:00Z"})"};
        for (const QByteArray& output : bad) {
            const Result<aws::AwsCredentials> r = parseCredentialProcessOutput(output, now);
            QVERIFY2(!r, output.constData());
            QCOMPARE(r.error().kind(), ApiError::Kind::Authentication);
            // The output may hold the secret: it never appears in the error.
            QVERIFY(!r.error().fullText().contains(u"SK"_s));
        }
    }

    void credentialProcessRuns()
    {
        const QString ok =
            script(u"ok.sh"_s, "echo '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", "
                               "\"SecretAccessKey\": \"procsecret\", \"SessionToken\": \"tok\"}'\n");
        writeConfig("[profile proc]\ncredential_process = \"" + ok.toUtf8() +
                    "\" --some-arg\nregion = us-east-1\n");
        const Result<AwsSettings> s = resolve(cleanEnvironment(), u"proc"_s);
        QVERIFY(s);
        QCOMPARE(s->credentialSource, AwsSettings::CredentialSource::Process);
        QObject parent;
        Result<AwsCredentialsProvider*> provider = createCredentialsProvider(s.value(), &parent);
        QVERIFY(provider);
        std::optional<Result<aws::AwsCredentials>> first;
        std::optional<Result<aws::AwsCredentials>> second;
        // Two callers while the process runs share one run.
        provider.value()->acquire(this, [&](const Result<aws::AwsCredentials>& r) { first = r; });
        provider.value()->acquire(this, [&](const Result<aws::AwsCredentials>& r) { second = r; });
        QTRY_VERIFY_WITH_TIMEOUT(first && second, test::kOmicsWaitMs);
        QVERIFY2(*first, qPrintable(first->error().fullText()));
        QCOMPARE(first->value().accessKeyId, u"PROCKEY"_s);
        QCOMPARE(second->value().secretAccessKey, u"procsecret"_s);
    }

    void credentialProcessFailures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("exit code") << QByteArray("echo 'token provider down' >&2\nexit 3\n")
                                   << u"exited with code 3"_s;
        QTest::newRow("garbage") << QByteArray("echo '<html>nope</html>'\n") << u"no JSON"_s;
        QTest::newRow("expired")
            << QByteArray("echo '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\","
                          "\"Expiration\":\"2001-01-01T00:00:00Z\"}'\n")
            << u"expired"_s;
        QTest::newRow("hangs") << QByteArray("exec sleep 60\n") << u"did not finish"_s;
        QTest::newRow("huge") << QByteArray("head -c 200000 /dev/zero\n") << u"more than"_s;
    }

    void credentialProcessFailures()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const QString path =
            script(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + u".sh"_s, body);
        auto* job = new CredentialProcessJob(u"\""_s + path + u"\""_s);
        job->setTimeoutMs(1500);
        const Result<aws::AwsCredentials> r = test::awaitJob(job);
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Authentication);
        QVERIFY2(r.error().detail().contains(expected), qPrintable(r.error().detail()));
        if (QByteArray(QTest::currentDataTag()) == "exit code")
            QVERIFY(r.error().detail().contains(u"token provider down"_s)); // stderr helps the person
        const Result<aws::AwsCredentials> missing =
            test::awaitJob(new CredentialProcessJob(m_home.filePath(u"no-such-tool"_s)));
        QVERIFY(!missing);
        QVERIFY(missing.error().detail().contains(u"could not be started"_s));
    }

    void credentialProcessRefreshesNearExpiry()
    {
        // Each run appends a line to a counter file and hands out credentials that expire in
        // two minutes: inside the five-minute refresh margin, so every acquire() runs it again;
        // invalidate() forces a run for credentials that would otherwise be cached.
        const QString counter = m_home.filePath(u"runs.txt"_s);
        QFile::remove(counter);
        const QByteArray soon = QDateTime::currentDateTimeUtc().addSecs(120).toString(Qt::ISODate).toUtf8();
        const QByteArray later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate).toUtf8();
        const QString shortLived = script(u"short.sh"_s, "echo run >> '" + counter.toUtf8() +
                                                             "'\necho '{\"Version\":1,\"AccessKeyId\":\"A\","
                                                             "\"SecretAccessKey\":\"S\",\"Expiration\":\"" +
                                                             soon + "\"}'\n");
        const QString longLived = script(u"long.sh"_s, "echo run >> '" + counter.toUtf8() +
                                                           "'\necho '{\"Version\":1,\"AccessKeyId\":\"A\","
                                                           "\"SecretAccessKey\":\"S\",\"Expiration\":\"" +
                                                           later + "\"}'\n");
        const auto runs = [&counter] {
            QFile f(counter);
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };
        const auto acquire = [this](AwsCredentialsProvider& provider) {
            std::optional<Result<aws::AwsCredentials>> outcome;
            provider.acquire(this, [&](const Result<aws::AwsCredentials>& r) { outcome = r; });
            return QTest::qWaitFor([&] { return outcome.has_value(); }, test::kOmicsWaitMs) && *outcome;
        };
        ProcessCredentialsProvider near(u"\""_s + shortLived + u"\""_s);
        QVERIFY(acquire(near));
        QVERIFY(acquire(near));
        QCOMPARE(runs(), 2);
        QFile::remove(counter);
        ProcessCredentialsProvider cached(u"\""_s + longLived + u"\""_s);
        QVERIFY(acquire(cached));
        QVERIFY(acquire(cached));
        QCOMPARE(runs(), 1);
        QVERIFY(cached.invalidate());
        QVERIFY(acquire(cached));
        QCOMPARE(runs(), 2);
    }

    void accountsInSettingsSecretInKeychain()
    {
        QSettings settings(m_home.filePath(u"settings.ini"_s), QSettings::IniFormat);
        OmicsAccount account{u"lab"_s, u"eu-west-2"_s, u"AKIALAB"_s, QString(), QString()};
        QVERIFY(OmicsAccount::isValidName(account.name));
        QVERIFY(!OmicsAccount::isValidName(u"../x"_s));
        QVERIFY(!OmicsAccount::isValidName(QString()));
        account.save(settings);
        OmicsAccount{u"second"_s, u"us-east-1"_s, u"AKIA2"_s, u"http://127.0.0.1:1"_s, QString()}.save(
            settings);
        settings.sync();
        QCOMPARE(OmicsAccount::loadAll(settings).size(), 2);
        const std::optional<OmicsAccount> loaded = OmicsAccount::load(settings, u"lab"_s);
        QVERIFY(loaded);
        QCOMPARE(loaded->accessKeyId, u"AKIALAB"_s);
        QCOMPARE(loaded->region, u"eu-west-2"_s);
        QVERIFY(!OmicsAccount::load(settings, u"absent"_s));
        // Nothing secret in the settings file.
        QFile file(m_home.filePath(u"settings.ini"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("secret"));
        QCOMPARE(OmicsAccount::secretKeyName(u"lab"_s), u"aws/lab/secret-access-key"_s);

        MemoryCredentialStore store;
        KeychainCredentialsProvider provider(*loaded, &store);
        std::optional<Result<aws::AwsCredentials>> outcome;
        provider.acquire(this, [&](const Result<aws::AwsCredentials>& r) { outcome = r; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!*outcome);
        QCOMPARE(outcome->error().kind(), ApiError::Kind::Authentication);
        bool written = false;
        store.write(OmicsAccount::secretKeyName(u"lab"_s), u"labsecret"_s, this,
                    [&](const CredentialStore::Outcome&) { written = true; });
        QTRY_VERIFY(written);
        outcome.reset();
        provider.acquire(this, [&](const Result<aws::AwsCredentials>& r) { outcome = r; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(*outcome);
        QCOMPARE(outcome->value().accessKeyId, u"AKIALAB"_s);
        QCOMPARE(outcome->value().secretAccessKey, u"labsecret"_s);
        OmicsAccount::remove(settings, u"lab"_s);
        QVERIFY(!OmicsAccount::load(settings, u"lab"_s));
    }
};

QTEST_GUILESS_MAIN(TestAwsSettings)
#include "tst_awssettings.moc"
