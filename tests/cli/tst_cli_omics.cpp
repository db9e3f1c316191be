// `bge omics …` as a user runs it: the real executable against the real HealthOmics emulator of
// bge-sandbox, keys from the environment, from ~/.aws profiles and from an account whose secret
// the user typed in (then only in a real gnome-keyring: the suite runs under
// tests/keychain/with-private-keyring.sh). Exit codes, sentences on stderr, --json payloads
// against the emulator's own description, and no secret key in any output or file.
#include "clitestsupport.h"
#include "common/sandboxprocess.h"

#include "omics/awscredentialsprovider.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicsendpoint.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

QStringList idsOf(const QJsonArray& items, const QString& key = u"id"_s)
{
    QStringList ids;
    for (const QJsonValue& v : items)
        ids.append(v.toObject().value(key).toString());
    return ids;
}

} // namespace

class TestCliOmics final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QJsonObject m_omics;
    QString m_store, m_keyId, m_secret;
    std::unique_ptr<UserHome> m_home;
    QList<Run> m_transcript;

    static QString bgePath() { return QStringLiteral(BGE_CLI_PATH); }

    // The emulator's keys and address, nothing else of the caller's AWS setup.
    QProcessEnvironment awsEnv(const QList<std::pair<QString, QString>>& extra = {}, bool withKeys = true) const
    {
        QProcessEnvironment e = m_home->environment();
        for (const QString& name : e.keys()) {
            if (name.startsWith(u"AWS_"_s))
                e.remove(name);
        }
        if (withKeys) {
            e.insert(u"AWS_ACCESS_KEY_ID"_s, m_keyId);
            e.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_secret);
            e.insert(u"AWS_REGION"_s, m_omics.value(u"region").toString());
            e.insert(u"AWS_ENDPOINT_URL_OMICS"_s, m_omics.value(u"endpoint").toString());
        }
        for (const auto& [name, value] : extra)
            e.insert(name, value);
        return e;
    }

    Run bge(const QStringList& arguments, const QProcessEnvironment& env, const QByteArray& input = {})
    {
        Run run = runProgram(bgePath(), arguments, env, input);
        m_transcript.append(run);
        return run;
    }
    Run omics(const QStringList& arguments) { return bge(QStringList{u"omics"_s} + arguments, awsEnv()); }

    // An upload in progress with `parts` parts, made through the core API (bge itself has no
    // command that leaves one behind on purpose).
    void createUpload(int parts, QString* uploadId)
    {
        QNetworkAccessManager network;
        aws::AwsCredentials keys{m_keyId, m_secret, {}, {}};
        auto* provider = new omics::StaticCredentialsProvider(keys);
        auto endpoint = omics::OmicsEndpoint::overridden(QUrl(m_omics.value(u"endpoint").toString()));
        QVERIFY(endpoint.ok());
        omics::OmicsConnection connection(endpoint.value(), m_omics.value(u"region").toString(), provider, &network);
        provider->setParent(&connection);
        omics::OmicsApi api(&connection);
        omics::CreateUploadInput input;
        input.sourceFileType = u"FASTQ"_s;
        input.subjectId = u"NA12878"_s;
        input.sampleId = u"NA12878-cli"_s;
        input.name = u"left behind"_s;
        std::optional<Result<omics::ReadSetUpload>> created;
        api.createUpload(m_store, input)->run(this, [&](const Result<omics::ReadSetUpload>& r) { created = r; });
        QTRY_VERIFY2_WITH_TIMEOUT(created.has_value(), "CreateMultipartReadSetUpload", 60000);
        QVERIFY2(created->ok(), qPrintable(created->error().fullText()));
        *uploadId = created->value().uploadId;
        for (int n = 1; n <= parts; ++n) {
            std::optional<Result<omics::UploadedPart>> sent;
            const QByteArray body = "@r" + QByteArray::number(n) + "\nACGT\n+\nIIII\n";
            api.uploadPart(m_store, *uploadId, u"SOURCE1"_s, n, body)->run(this, [&](const Result<omics::UploadedPart>& r) {
                sent = r;
            });
            QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), 60000);
            QVERIFY2(sent->ok(), qPrintable(sent->error().fullText()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start({u"--omics-processing-ms"_s, u"200"_s}), qPrintable(m_sandbox.errorOutput()));
        m_omics = m_sandbox.description().value(u"omics").toObject();
        m_store = m_omics.value(u"sequence_stores").toArray().first().toObject().value(u"id").toString();
        m_keyId = m_omics.value(u"access_key_id").toString();
        m_secret = m_omics.value(u"secret_access_key").toString();
        QVERIFY(!m_store.isEmpty() && !m_keyId.isEmpty() && !m_secret.isEmpty());
    }

    void init()
    {
        m_home = std::make_unique<UserHome>();
        QVERIFY(m_home->isValid());
    }

    void cleanup()
    {
        // No secret key in anything bge printed or left in the home (the keychain is not a file).
        for (const Run& run : std::as_const(m_transcript)) {
            QVERIFY2(!run.out.contains(m_secret.toUtf8()) && !run.err.contains(m_secret.toUtf8()), run.describe().constData());
        }
        // (The shared credentials file a profile test writes is the user's own, not bge's.)
        for (const auto& [file, content] : m_home->files()) {
            if (!file.endsWith(u"/.aws/credentials"_s))
                QVERIFY2(!content.contains(m_secret.toUtf8()), qPrintable(file));
        }
        m_transcript.clear();
        clearKeychain();
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void helpListsEveryCommand()
    {
        const Run help = bge({u"help"_s, u"omics"_s}, awsEnv());
        VERIFY_EXIT(help, 0);
        for (const char* name : {"stores", "store", "read-sets", "read-set", "uploads", "abort", "import", "import-jobs",
                                 "import-job", "accounts", "add-account", "remove-account"})
            QVERIFY2(help.outText().contains(u"\n  "_s + QLatin1StringView(name) + u' '), name);
        QVERIFY(help.outText().contains(u"--aws-profile"_s) && help.outText().contains(u"--omics-endpoint"_s));
        const Run sub = bge({u"help"_s, u"omics"_s, u"read-sets"_s}, awsEnv());
        VERIFY_EXIT(sub, 0);
        QVERIFY(sub.outText().contains(u"--creation-type"_s) && sub.outText().contains(u"--next-token"_s));
        const Run flag = bge({u"omics"_s, u"import-job"_s, u"--help"_s}, awsEnv());
        VERIFY_EXIT(flag, 0);
        QVERIFY(flag.outText().contains(u"--wait"_s));

        const Run bare = bge({u"omics"_s}, awsEnv());
        VERIFY_EXIT(bare, 2);
        QVERIFY(bare.errText().contains(u"needs a command"_s));
        const Run unknown = bge({u"omics"_s, u"frobnicate"_s}, awsEnv());
        VERIFY_EXIT(unknown, 2);
        QVERIFY(unknown.errText().contains(u"omics frobnicate"_s));
    }

    void storesFromEnvironmentKeys()
    {
        const Run table = omics({u"stores"_s});
        VERIFY_EXIT(table, 0);
        const Run json = omics({u"stores"_s, u"--json"_s});
        VERIFY_EXIT(json, 0);
        QStringList expected = idsOf(m_omics.value(u"sequence_stores").toArray());
        QStringList got = idsOf(json.json().toObject().value(u"sequenceStores").toArray());
        expected.sort();
        got.sort();
        QCOMPARE(got, expected);
        for (const QJsonValue& s : m_omics.value(u"sequence_stores").toArray()) {
            QVERIFY(table.outText().contains(s.toObject().value(u"id").toString()));
            QVERIFY(table.outText().contains(s.toObject().value(u"name").toString()));
        }
        const Run one = omics({u"store"_s, m_store, u"--json"_s});
        VERIFY_EXIT(one, 0);
        QCOMPARE(one.json().toObject().value(u"id").toString(), m_store);
        QVERIFY(one.json().toObject().value(u"arn").toString().endsWith(u"sequenceStore/"_s + m_store));
    }

    void readSetsPagedFilteredAndShown()
    {
        const Run all = omics({u"read-sets"_s, m_store, u"--all"_s, u"--json"_s});
        VERIFY_EXIT(all, 0);
        const QJsonArray everything = all.json().toObject().value(u"readSets").toArray();
        QVERIFY(everything.size() >= 20);
        QVERIFY(!all.json().toObject().contains(u"nextToken"_s));
        // Small pages followed to the end give the same read sets, each once.
        const Run paged = omics({u"read-sets"_s, m_store, u"--all"_s, u"--max-results"_s, u"7"_s, u"--json"_s});
        VERIFY_EXIT(paged, 0);
        const QStringList pagedIds = idsOf(paged.json().toObject().value(u"readSets").toArray());
        QCOMPARE(QSet<QString>(pagedIds.cbegin(), pagedIds.cend()).size(), pagedIds.size());
        QCOMPARE(pagedIds.size(), everything.size());

        // One page, and the token printed for the next one works (tokens need percent-encoding).
        const Run first = omics({u"read-sets"_s, m_store, u"--max-results"_s, u"5"_s, u"--json"_s});
        VERIFY_EXIT(first, 0);
        const QString token = first.json().toObject().value(u"nextToken").toString();
        QVERIFY(!token.isEmpty());
        const Run second = omics({u"read-sets"_s, m_store, u"--max-results"_s, u"5"_s, u"--next-token"_s, token, u"--json"_s});
        VERIFY_EXIT(second, 0);
        const QStringList firstIds = idsOf(first.json().toObject().value(u"readSets").toArray());
        for (const QString& id : idsOf(second.json().toObject().value(u"readSets").toArray()))
            QVERIFY(!firstIds.contains(id));
        const Run human = omics({u"read-sets"_s, m_store, u"--max-results"_s, u"5"_s});
        VERIFY_EXIT(human, 0);
        QVERIFY2(human.errText().contains(u"--next-token "_s + token), human.describe().constData());

        // Server filters.
        const QJsonObject sample = everything.first().toObject();
        const QString sampleId = sample.value(u"sampleId").toString();
        const Run bySample = omics({u"read-sets"_s, m_store, u"--sample-id"_s, sampleId, u"--all"_s, u"--json"_s});
        VERIFY_EXIT(bySample, 0);
        const QJsonArray matching = bySample.json().toObject().value(u"readSets").toArray();
        QVERIFY(!matching.isEmpty());
        for (const QJsonValue& r : matching)
            QCOMPARE(r.toObject().value(u"sampleId").toString(), sampleId);
        const Run active = omics({u"read-sets"_s, m_store, u"--status"_s, u"active"_s, u"--creation-type"_s, u"upload"_s,
                                  u"--all"_s, u"--json"_s});
        VERIFY_EXIT(active, 0);
        for (const QJsonValue& r : active.json().toObject().value(u"readSets").toArray()) {
            QCOMPARE(r.toObject().value(u"status").toString(), u"ACTIVE"_s);
            QCOMPARE(r.toObject().value(u"creationType").toString(), u"UPLOAD"_s);
        }
        const Run future = omics({u"read-sets"_s, m_store, u"--created-after"_s, u"2999-01-01"_s, u"--json"_s});
        VERIFY_EXIT(future, 0);
        QCOMPARE(future.json().toObject().value(u"readSets").toArray().size(), 0);

        // Checked before anything is sent.
        const Run badStatus = omics({u"read-sets"_s, m_store, u"--status"_s, u"SHINY"_s});
        VERIFY_EXIT(badStatus, 2);
        QVERIFY(badStatus.errText().contains(u"--status"_s));
        const Run badMax = omics({u"read-sets"_s, m_store, u"--max-results"_s, u"0"_s});
        VERIFY_EXIT(badMax, 2);
        const Run badTime = omics({u"read-sets"_s, m_store, u"--created-after"_s, u"last tuesday"_s});
        VERIFY_EXIT(badTime, 2);

        // One read set in full.
        const QString id = sample.value(u"id").toString();
        const Run shown = omics({u"read-set"_s, m_store, id});
        VERIFY_EXIT(shown, 0);
        QVERIFY(shown.outText().contains(sample.value(u"name").toString()));
        QVERIFY(shown.outText().contains(u"Source 1:"_s));
        const Run shownJson = omics({u"read-set"_s, m_store, id, u"--json"_s});
        VERIFY_EXIT(shownJson, 0);
        QVERIFY(shownJson.json().toObject().value(u"files").toObject().value(u"source1").toObject().value(u"contentLength").toDouble() > 0);
    }

    void serviceRefusalsAreSentencesWithTheirExitCodes()
    {
        const Run missingStore = omics({u"store"_s, u"9999999999"_s});
        VERIFY_EXIT(missingStore, 1);
        QVERIFY2(missingStore.errText().contains(u"could not find"_s), missingStore.describe().constData());
        const Run missingReadSet = omics({u"read-set"_s, m_store, u"9999999999"_s});
        VERIFY_EXIT(missingReadSet, 1);
        const Run badId = omics({u"store"_s, u"12"_s}); // ids are 10–36 digits: refused before sending
        VERIFY_EXIT(badId, 2);

        const Run wrongSecret = bge({u"omics"_s, u"stores"_s}, awsEnv({{u"AWS_SECRET_ACCESS_KEY"_s, u"x"_s.repeated(40)}}));
        VERIFY_EXIT(wrongSecret, 3);
        QVERIFY2(wrongSecret.errText().contains(u"secret access key"_s), wrongSecret.describe().constData());
        const Run unknownKey = bge({u"omics"_s, u"stores"_s}, awsEnv({{u"AWS_ACCESS_KEY_ID"_s, u"AKIAIOSFODNN7EXAMPLE"_s}}));
        VERIFY_EXIT(unknownKey, 3);
        QVERIFY2(unknownKey.errText().contains(u"access key ID"_s), unknownKey.describe().constData());
        // --verbose adds the service's code and request id.
        const Run verbose = bge({u"omics"_s, u"stores"_s, u"--verbose"_s},
                                awsEnv({{u"AWS_SECRET_ACCESS_KEY"_s, u"x"_s.repeated(40)}}));
        QVERIFY2(verbose.errText().contains(u"InvalidSignatureException"_s) && verbose.errText().contains(u"request id"_s),
                 verbose.describe().constData());

        const Run noRegion = bge({u"omics"_s, u"stores"_s}, awsEnv({{u"AWS_REGION"_s, QString()}}));
        QVERIFY2(noRegion.finished && noRegion.exitCode != 0, noRegion.describe().constData());
        const Run clearText = omics({u"stores"_s, u"--omics-endpoint"_s, u"http://omics.example.org"_s});
        VERIFY_EXIT(clearText, 2);
        const Run noKeys = bge({u"omics"_s, u"stores"_s, u"--region"_s, u"us-east-1"_s, u"--omics-endpoint"_s,
                                m_omics.value(u"endpoint").toString()},
                               awsEnv({}, false));
        QVERIFY2(noKeys.finished && noKeys.exitCode != 0 && !noKeys.errText().isEmpty(), noKeys.describe().constData());
    }

    void profilesFromTheSharedFiles()
    {
        QDir(m_home->path(u"home"_s)).mkpath(u".aws"_s);
        QFile credentials(m_home->path(u"home/.aws/credentials"_s));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        credentials.write("[default]\naws_access_key_id = AKIAWRONGWRONGWRONG1\naws_secret_access_key = nope\n\n[lab]\n"
                          "aws_access_key_id = " + m_keyId.toUtf8() + "\naws_secret_access_key = " + m_secret.toUtf8() + "\n");
        credentials.close();
        QFile config(m_home->path(u"home/.aws/config"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile lab]\nregion = " + m_omics.value(u"region").toString().toUtf8() +
                     "\nservices = emulator\n\n[services emulator]\nomics =\n  endpoint_url = " +
                     m_omics.value(u"endpoint").toString().toUtf8() + "\n");
        config.close();

        const Run byOption = bge({u"omics"_s, u"stores"_s, u"--aws-profile"_s, u"lab"_s, u"--json"_s}, awsEnv({}, false));
        VERIFY_EXIT(byOption, 0);
        QCOMPARE(byOption.json().toObject().value(u"sequenceStores").toArray().size(),
                 m_omics.value(u"sequence_stores").toArray().size());
        const Run byEnvironment = bge({u"omics"_s, u"stores"_s, u"--json"_s}, awsEnv({{u"AWS_PROFILE"_s, u"lab"_s}}, false));
        VERIFY_EXIT(byEnvironment, 0);
        const Run unknownProfile = bge({u"omics"_s, u"stores"_s, u"--aws-profile"_s, u"nobody"_s}, awsEnv({}, false));
        VERIFY_EXIT(unknownProfile, 2);
        QVERIFY(unknownProfile.errText().contains(u"nobody"_s));
    }

    void uploadsInProgressAndAbort()
    {
        QString uploadId;
        createUpload(3, &uploadId);
        if (QTest::currentTestFailed())
            return;
        const Run listed = omics({u"uploads"_s, m_store, u"--json"_s});
        VERIFY_EXIT(listed, 0);
        QVERIFY(idsOf(listed.json().toObject().value(u"uploads").toArray(), u"uploadId"_s).contains(uploadId));
        const Run withParts = omics({u"uploads"_s, m_store, u"--parts"_s});
        VERIFY_EXIT(withParts, 0);
        QString row;
        for (const QString& line : withParts.outText().split(u'\n')) {
            if (line.startsWith(uploadId))
                row = line;
        }
        QVERIFY2(row.contains(u"left behind"_s) && row.trimmed().endsWith(u" 3"_s), withParts.describe().constData());

        const Run aborted = omics({u"abort"_s, m_store, uploadId});
        VERIFY_EXIT(aborted, 0);
        const Run after = omics({u"uploads"_s, m_store, u"--json"_s});
        QVERIFY(!idsOf(after.json().toObject().value(u"uploads").toArray(), u"uploadId"_s).contains(uploadId));
        const Run again = omics({u"abort"_s, m_store, uploadId});
        VERIFY_EXIT(again, 1);
    }

    void importJobsStartedAndFollowed()
    {
        const QJsonArray sources = m_omics.value(u"s3_sources").toArray();
        const QString role = m_omics.value(u"import_role_arn").toString();
        const QString reference = m_omics.value(u"reference_arn").toString();
        QStringList args{u"import"_s, m_store, u"--role"_s, role, u"--reference"_s, reference, u"--wait"_s};
        int n = 0;
        for (const QJsonValue& v : sources) {
            const QJsonObject s = v.toObject();
            args += {u"--source"_s, u"%1:SUBJ-%2:SAMP-%2:%3"_s.arg(s.value(u"file_type").toString()).arg(++n).arg(
                                        s.value(u"uri").toString())};
        }
        const Run imported = omics(args);
        VERIFY_EXIT(imported, 0);
        QVERIFY2(imported.outText().contains(u"COMPLETED"_s), imported.describe().constData());
        QCOMPARE(imported.outText().count(u"FINISHED"_s), int(sources.size()));
        QVERIFY(imported.errText().contains(u"import job"_s)); // the progress line

        // A missing object: the job fails, the reason per source, exit 1.
        const QString missing = sources.first().toObject().value(u"uri").toString().section(u'/', 0, -2) + u"/missing.fastq.gz"_s;
        const Run failed = omics({u"import"_s, m_store, u"--role"_s, role, u"--source"_s, u"FASTQ:X:X:"_s + missing, u"--wait"_s});
        VERIFY_EXIT(failed, 1);
        QVERIFY(failed.outText().contains(u"FAILED"_s));

        // A manifest in the service's own shape, started without waiting, then followed.
        QFile manifest(m_home->path(u"manifest.json"_s));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        const QJsonObject source{{u"sourceFiles"_s, QJsonObject{{u"source1"_s, sources.first().toObject().value(u"uri")}}},
                                 {u"sourceFileType"_s, sources.first().toObject().value(u"file_type")},
                                 {u"subjectId"_s, u"MANIFEST"_s},
                                 {u"sampleId"_s, u"MANIFEST-1"_s},
                                 {u"name"_s, u"from a manifest"_s}};
        manifest.write(QJsonDocument(QJsonObject{{u"roleArn"_s, role}, {u"sources"_s, QJsonArray{source}}}).toJson());
        manifest.close();
        const Run started = omics({u"import"_s, m_store, u"--manifest"_s, manifest.fileName(), u"--json"_s});
        VERIFY_EXIT(started, 0);
        const QString jobId = started.json().toObject().value(u"id").toString();
        QVERIFY(!jobId.isEmpty());
        const Run waited = omics({u"import-job"_s, m_store, jobId, u"--wait"_s, u"--json"_s});
        VERIFY_EXIT(waited, 0);
        QCOMPARE(waited.json().toObject().value(u"status").toString(), u"COMPLETED"_s);
        const Run jobs = omics({u"import-jobs"_s, m_store, u"--status"_s, u"COMPLETED"_s, u"--all"_s, u"--json"_s});
        VERIFY_EXIT(jobs, 0);
        QVERIFY(idsOf(jobs.json().toObject().value(u"importJobs"_s).toArray()).contains(jobId));

        // Refused before anything is sent.
        VERIFY_EXIT(omics({u"import"_s, m_store, u"--role"_s, role, u"--source"_s, u"VCF:a:b:s3://x/y"_s}), 2);
        VERIFY_EXIT(omics({u"import"_s, m_store, u"--source"_s, u"FASTQ:a:b:s3://x/y"_s}), 2); // no role
        VERIFY_EXIT(omics({u"import"_s, m_store, u"--role"_s, role}), 2);                       // no source
        QFile broken(m_home->path(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"sources\": [{\"sourceFileType\": \"FASTQ\"}]}");
        broken.close();
        const Run badManifest = omics({u"import"_s, m_store, u"--role"_s, role, u"--manifest"_s, broken.fileName()});
        VERIFY_EXIT(badManifest, 2);
        QVERIFY(badManifest.errText().contains(u"sources[0]"_s));
    }

    void accountKeysLiveOnlyInTheKeychain()
    {
        const QString endpoint = m_omics.value(u"endpoint").toString();
        const QString region = m_omics.value(u"region").toString();
        const Run added = bge({u"omics"_s, u"add-account"_s, u"lab"_s, u"--access-key-id"_s, m_keyId, u"--region"_s, region,
                               u"--omics-endpoint"_s, endpoint},
                              awsEnv({}, false), m_secret.toUtf8() + '\n');
        VERIFY_EXIT(added, 0);
        QCOMPARE(keychainSecret(u"aws/lab/secret-access-key"_s), std::optional<QString>(m_secret));

        const Run listed = bge({u"omics"_s, u"accounts"_s, u"--json"_s}, awsEnv({}, false));
        VERIFY_EXIT(listed, 0);
        const QJsonObject account = listed.json().toArray().first().toObject();
        QCOMPARE(account.value(u"name").toString(), u"lab"_s);
        QCOMPARE(account.value(u"accessKeyId").toString(), m_keyId);

        // Nothing of AWS in the environment: the account alone signs.
        const Run stores = bge({u"omics"_s, u"stores"_s, u"--omics-account"_s, u"lab"_s, u"--json"_s}, awsEnv({}, false));
        VERIFY_EXIT(stores, 0);
        QCOMPARE(stores.json().toObject().value(u"sequenceStores").toArray().size(),
                 m_omics.value(u"sequence_stores").toArray().size());

        const Run unknown = bge({u"omics"_s, u"stores"_s, u"--omics-account"_s, u"nobody"_s}, awsEnv({}, false));
        VERIFY_EXIT(unknown, 2);
        const Run noSecret = bge({u"omics"_s, u"add-account"_s, u"empty"_s, u"--access-key-id"_s, m_keyId, u"--region"_s, region},
                                 awsEnv({}, false), "\n");
        VERIFY_EXIT(noSecret, 2);
        const Run badName = bge({u"omics"_s, u"add-account"_s, u"a/b"_s, u"--access-key-id"_s, m_keyId, u"--region"_s, region},
                                awsEnv({}, false), m_secret.toUtf8() + '\n');
        VERIFY_EXIT(badName, 2);

        const Run removed = bge({u"omics"_s, u"remove-account"_s, u"lab"_s}, awsEnv({}, false));
        VERIFY_EXIT(removed, 0);
        QCOMPARE(keychainSecret(u"aws/lab/secret-access-key"_s), std::optional<QString>());
        const Run gone = bge({u"omics"_s, u"stores"_s, u"--omics-account"_s, u"lab"_s}, awsEnv({}, false));
        VERIFY_EXIT(gone, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliOmics)
#include "tst_cli_omics.moc"
