// Uploads through the real bge-sandbox: PutObject and multipart byte for byte (V1 and V4),
// the name clash, resume after a "crash", a file changed since, cancel, STS credentials that
// expire mid-upload, and injected faults.
#include "common/peakmemory.h"
#include "common/sanitizers.h"
#include "common/sandboxprocess.h"
#include "coretestsupport.h"
#include "oss/crc64.h"
#include "transfer/filecrc64job.h"
#include "transfer/filewindowdevice.h"
#include "transfer/uploadjob.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * 1024;

// One sandbox, a signed-in desktop app and its upload credentials.
struct Environment
{
    SandboxProcess sandbox;
    std::unique_ptr<ClientStack> stack;
    std::unique_ptr<PlatformUploadCredentials> credentials;
    UploadCredentials* provider = nullptr; // instead of `credentials` when set

    bool start(const QStringList& arguments)
    {
        if (!sandbox.start(arguments))
            return false;
        stack = makeStack(sandbox, u"bge-desktop-demo"_s);
        const Result<TokenGrant> grant = signIn(*stack, sandbox, sandbox.user(0).value(u"username").toString());
        if (!grant.ok())
            return false;
        stack->session.setGrant(grant.value());
        credentials = std::make_unique<PlatformUploadCredentials>(&stack->api, &stack->session);
        return true;
    }

    UploadJob* job(const UploadOptions& options)
    {
        return new UploadJob(&stack->network, provider ? provider : credentials.get(), options);
    }

    using Fetched = OssAnswer;

    // One request with fresh credentials; path-style, V4.
    Fetched request(const QByteArray& method, const QString& key, const QList<QPair<QString, QString>>& query = {})
    {
        return ossRequest(*stack, method, key, query);
    }

    // GETs the object, trying again while faults are injected.
    Fetched object(const QString& key, qint64 expectedSize)
    {
        Fetched f;
        for (int i = 0; i < 20; ++i) {
            f = request("GET", key);
            if (f.status == 200 && f.body.size() == expectedSize)
                return f;
        }
        return f;
    }
};

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    rng.fillRange(reinterpret_cast<quint32*>(b.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        b[i] = char(rng.bounded(256));
    return b;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

int journalParts(const QString& file)
{
    const std::optional<UploadJournal> j = UploadJournal::load(file);
    return j ? int(j->parts.size()) : 0;
}

// The platform's credentials with the secret spoiled: every OSS request is refused.
class SpoiledCredentials final : public UploadCredentials
{
public:
    explicit SpoiledCredentials(UploadCredentials* real) : m_real(real) {}
    void acquire(QObject* context, bool renew, Callback ready) override
    {
        m_real->acquire(context, renew, [ready](const Result<UploadTarget>& target) {
            if (!target.ok()) {
                ready(target);
                return;
            }
            UploadTarget spoiled = target.value();
            spoiled.credentials.accessKeySecret += u"x"_s;
            ready(spoiled);
        });
    }

private:
    UploadCredentials* m_real;
};

// Counts the renewals an upload asks for.
class CountingCredentials final : public UploadCredentials
{
public:
    explicit CountingCredentials(UploadCredentials* real) : m_real(real) {}
    void acquire(QObject* context, bool renew, Callback ready) override
    {
        (renew ? renewals : first)++;
        m_real->acquire(context, renew, std::move(ready));
    }
    int first = 0;
    int renewals = 0;

private:
    UploadCredentials* m_real;
};

// No credentials to be had.
class RefusingCredentials final : public UploadCredentials
{
public:
    void acquire(QObject* context, bool, Callback ready) override
    {
        QMetaObject::invokeMethod(
            context, [ready] { ready(ApiError::authentication(u"signed out"_s)); }, Qt::QueuedConnection);
    }
};

// A network manager that, once, calls `between` when the answer to the name check (the first
// HEAD of a key ending in `suffix`) has arrived and before the upload sees it: a server cannot
// be made to let another writer in at exactly that moment.
class InterposingNetwork final : public QNetworkAccessManager
{
public:
    InterposingNetwork(QString suffix, std::function<void()> between)
        : m_suffix(std::move(suffix)), m_between(std::move(between))
    {
    }

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* body) override
    {
        QNetworkReply* reply = QNetworkAccessManager::createRequest(op, request, body);
        if (op == HeadOperation && m_between && request.url().path().endsWith(m_suffix)) {
            // Connected before the upload connects: runs first.
            connect(reply, &QNetworkReply::finished, this, std::exchange(m_between, {}));
        }
        return reply;
    }

private:
    QString m_suffix;
    std::function<void()> m_between;
};

} // namespace

class TestUpload final : public QObject
{
    Q_OBJECT

private:
    Environment m_plain;
    Environment m_slow; // latency, so that a test can act in the middle of an upload
    QTemporaryDir m_dir;
    QString m_journals;

    UploadOptions options(const QString& path)
    {
        UploadOptions o;
        o.filePath = path;
        o.journalDirectory = m_journals;
        o.retry = {6, 100, 1000};
        return o;
    }

    // Uploads `bytes` as `name` and checks the object byte for byte and its CRC.
    void roundTrip(Environment& env, const QString& name, const QByteArray& bytes, UploadOptions o,
                   int expectedParts)
    {
        const QString path = m_dir.filePath(name);
        QVERIFY(writeFile(path, bytes));
        o.filePath = path;
        UploadJob* job = env.job(o);
        QList<qint64> progress;
        connect(job, &UploadJob::progress, this, [&progress](qint64 done, qint64 total) {
            progress.append(done);
            QVERIFY(done <= total);
        });
        QElapsedTimer clock;
        clock.start();
        const Result<UploadResult> r = await(job);
        BGE_VERIFY_OK(r);
        QVERIFY2(r->objectName.endsWith(u'/' + name), qPrintable(r->objectName));
        QCOMPARE(r->size, bytes.size());
        QCOMPARE(r->crc64, oss::Crc64::checksum(bytes));
        QCOMPARE(r->partsSent, expectedParts);
        QVERIFY(!progress.isEmpty());
        // Throttled: at most five a second, plus the first and the last.
        QVERIFY2(progress.size() <= 3 + clock.elapsed() / 200, qPrintable(QString::number(progress.size())));
        QCOMPARE(progress.last(), bytes.size());
        const Environment::Fetched f = env.object(r->objectName, bytes.size());
        QCOMPARE(f.status, 200);
        QVERIFY(f.body == bytes);
        QCOMPARE(f.crc64, QByteArray::number(oss::Crc64::checksum(bytes)));
        QCOMPARE(f.clientId, QByteArray("bge-desktop-demo"));
        QVERIFY(!QFile::exists(UploadJournal::fileFor(m_journals, path, r->objectName)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_journals = m_dir.filePath(u"journals"_s);
        QVERIFY2(m_plain.start({}), qPrintable(m_plain.sandbox.errorOutput()));
        QVERIFY2(m_slow.start({u"--oss-faults"_s, u"latency-ms=150"_s}), qPrintable(m_slow.sandbox.errorOutput()));
    }

    void partSizes()
    {
        QCOMPARE(UploadJob::partSizeFor(0), 8 * kMiB);
        QCOMPARE(UploadJob::partSizeFor(200 * kMiB), 8 * kMiB);
        QCOMPARE(UploadJob::partSizeFor(78 * 1024 * kMiB), 8 * kMiB);            // 9984 parts
        QCOMPARE(UploadJob::partSizeFor(200 * 1024 * kMiB), 21 * kMiB);          // ≤ 10000 parts
        QCOMPARE(UploadJob::partSizeFor(100LL * 1024 * 1024 * kMiB), 5 * 1024 * kMiB); // capped at 5 GiB
    }

    void windowDevice()
    {
        const QByteArray bytes = randomBytes(300 * kKiB + 5, 1);
        const QString path = m_dir.filePath(u"window.bin"_s);
        QVERIFY(writeFile(path, bytes));
        FileWindowDevice device(path, 100 * kKiB, 150 * kKiB);
        QVERIFY(device.openWindow());
        QCOMPARE(device.size(), 150 * kKiB);
        QCOMPARE(device.read(1000), bytes.mid(100 * kKiB, 1000));
        QVERIFY(device.reset()); // Qt rewinds to resend: the CRC starts over
        const QByteArray all = device.readAll();
        QCOMPARE(all, bytes.mid(100 * kKiB, 150 * kKiB));
        QVERIFY(device.crcComplete());
        QCOMPARE(device.crc64(), oss::Crc64::checksum(all));
        QVERIFY(device.atEnd());
        FileWindowDevice beyond(path, 200 * kKiB, 200 * kKiB);
        QVERIFY(!beyond.openWindow());
    }

    // The file's CRC-64, read in blocks across turns of the event loop; a file whose size is not
    // the one expected (it changed) is an error, not a CRC.
    void fileCrc64()
    {
        const QString path = m_dir.filePath(u"crc.bin"_s);
        const QByteArray bytes = randomBytes(9 * kMiB + 7, 21); // three blocks and a bit
        QVERIFY(writeFile(path, bytes));
        const Result<quint64> crc = await(new FileCrc64Job(path, bytes.size()));
        BGE_VERIFY_OK(crc);
        QCOMPARE(crc.value(), oss::Crc64::checksum(bytes));
        const Result<quint64> grew = await(new FileCrc64Job(path, bytes.size() - 1));
        BGE_VERIFY_ERROR_KIND(grew, ApiError::Kind::Usage);
        const Result<quint64> shrank = await(new FileCrc64Job(path, bytes.size() + 1));
        BGE_VERIFY_ERROR_KIND(shrank, ApiError::Kind::Usage);
        const Result<quint64> missing = await(new FileCrc64Job(m_dir.filePath(u"none.bin"_s), 1));
        BGE_VERIFY_ERROR_KIND(missing, ApiError::Kind::Usage);
        QVERIFY(writeFile(path, {}));
        const Result<quint64> empty = await(new FileCrc64Job(path, 0));
        BGE_VERIFY_OK(empty);
        QCOMPARE(empty.value(), quint64{0});
    }

    void addressing()
    {
        const oss::OssCredentials creds{u"STS.ak"_s, u"secret"_s, u"token"_s, {}};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Real endpoints: virtual-hosted, the bucket in the host.
        const QNetworkRequest real = signedOssRequest(
            {QUrl(u"https://oss-cn-shenzhen.aliyuncs.com"_s), u"pre-bge-developer"_s, u"cn-shenzhen"_s},
            creds, "PUT", u"DUS-1/2TZ-3/a b+c.txt"_s, {{u"partNumber"_s, u"2"_s}, {u"uploadId"_s, u"X"_s}}, {}, now);
        QCOMPARE(real.url().host(), u"pre-bge-developer.oss-cn-shenzhen.aliyuncs.com"_s);
        QCOMPARE(real.url().path(QUrl::FullyEncoded), u"/DUS-1/2TZ-3/a%20b%2Bc.txt"_s);
        QCOMPARE(real.url().query(QUrl::FullyEncoded), u"partNumber=2&uploadId=X"_s);
        QVERIFY(real.rawHeader("Authorization").startsWith("OSS4-HMAC-SHA256 Credential=STS.ak/"));
        QVERIFY(real.rawHeader("Authorization").contains("/cn-shenzhen/oss/aliyun_v4_request"));
        QCOMPARE(real.rawHeader("x-oss-security-token"), QByteArray("token"));
        QCOMPARE(real.rawHeader("x-oss-content-sha256"), QByteArray("UNSIGNED-PAYLOAD"));
        // Loopback and IP endpoints: path style. V1 on request.
        for (const QString& endpoint : {u"http://127.0.0.1:9000"_s, u"http://localhost:9000"_s, u"http://[::1]:9000"_s}) {
            const QNetworkRequest local = signedOssRequest(
                {QUrl(endpoint), u"bkt"_s, u"oss-cn-shenzhen"_s, OssSignatureVersion::V1}, creds, "HEAD",
                u"d/x"_s, {}, {}, now);
            QCOMPARE(local.url().host(), QUrl(endpoint).host());
            QCOMPARE(local.url().path(), u"/bkt/d/x"_s);
            QVERIFY(local.rawHeader("Authorization").startsWith("OSS STS.ak:"));
        }
        QCOMPARE(v4Region(u"oss-cn-shenzhen"_s), QByteArray("cn-shenzhen"));
    }

    void ossErrors()
    {
        const QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SecurityTokenExpired</Code>"
                               "<Message>The security token you provided has expired.</Message>"
                               "<RequestId>5C06A3B67B8B5A3DA422299D</RequestId></Error>";
        const OssError e = OssError::parse(403, xml);
        QCOMPARE(e.code, u"SecurityTokenExpired"_s);
        QCOMPARE(e.requestId, u"5C06A3B67B8B5A3DA422299D"_s);
        const ApiError api = e.toApiError();
        QCOMPARE(api.httpStatus(), 403);
        QCOMPARE(ossCode(api), u"SecurityTokenExpired"_s);
        QVERIFY(api.detail().contains(u"has expired"_s));
        QVERIFY(isCredentialExpiry(ossCode(api)));
        QVERIFY(!isCredentialExpiry(u"AccessDenied"_s));
        // HEAD: no body, the error in x-oss-err; a bare 404 is NoSuchKey.
        QCOMPARE(OssError::parse(403, {}, xml.toBase64()).code, u"SecurityTokenExpired"_s);
        QCOMPARE(OssError::parse(404, {}).code, u"NoSuchKey"_s);
        QCOMPARE(ossCode(ApiError::http(500, u"HTTP 500: (no message)"_s)), QString());
    }

    void journalRoundTrip()
    {
        UploadJournal j;
        j.sources = {{m_dir.filePath(u"x.bin"_s), 123456789012, 1700000000123}};
        j.objectName = u"DUS-1/2TZ-3/x.bin"_s;
        j.uploadId = u"0004B9894A22E5B1888A1E29F823"_s;
        j.partSize = 8 * kMiB;
        j.parts = {{3, u"\"ABC\""_s, 0xFFFFFFFFFFFFFFFFULL, 8 * kMiB}, {1, u"\"DEF\""_s, 42, 8 * kMiB}};
        const QString file = UploadJournal::fileFor(m_dir.filePath(u"journal-test"_s), j.path(), j.objectName);
        QString error;
        QVERIFY2(j.save(file, &error), qPrintable(error));
        const std::optional<UploadJournal> back = UploadJournal::load(file);
        QVERIFY(back.has_value());
        QCOMPARE(back->size(), j.size());
        QCOMPARE(back->mtimeMs(), j.mtimeMs());
        QCOMPARE(back->uploadId, j.uploadId);
        QCOMPARE(back->parts.size(), 2);
        QCOMPARE(back->parts[0].crc64, 0xFFFFFFFFFFFFFFFFULL); // 64 bits survive JSON
        QCOMPARE(back->parts[1].receipt, u"\"DEF\""_s);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY(!text.contains("secret") && !text.contains("token") && !text.contains("STS."));
        UploadJournal::remove(file);
        QVERIFY(!UploadJournal::load(file).has_value());
    }

    void putObjectV4() { roundTrip(m_plain, u"small v4.bin"_s, randomBytes(kMiB + 7, 2), options({}), 1); }

    void putObjectV1()
    {
        UploadOptions o = options({});
        o.signature = OssSignatureVersion::V1;
        roundTrip(m_plain, u"small-v1.bin"_s, randomBytes(300 * kKiB, 3), o, 1);
    }

    void emptyFile() { roundTrip(m_plain, u"empty.bin"_s, {}, options({}), 1); }

    void multipartV4()
    {
        UploadOptions o = options({});
        o.multipartThreshold = kMiB;
        o.partSize = 2 * kMiB;
        roundTrip(m_plain, u"multi-v4.bin"_s, randomBytes(20 * kMiB + 123, 4), o, 11);
    }

    void throughQtsHttpStack()
    {
        // BGE_UPLOAD_TRANSPORT=qt: the bodies go through QNetworkAccessManager (as they do when
        // a proxy applies) instead of FileBodyRequest. Both paths must give the same object.
        qputenv("BGE_UPLOAD_TRANSPORT", "qt");
        const auto restore = qScopeGuard([] { qunsetenv("BGE_UPLOAD_TRANSPORT"); });
        UploadOptions o = options({});
        o.multipartThreshold = kMiB;
        o.partSize = kMiB;
        roundTrip(m_plain, u"multi-qt.bin"_s, randomBytes(5 * kMiB + 7, 24), o, 6);
        roundTrip(m_plain, u"single-qt.bin"_s, randomBytes(300 * kKiB, 25), options({}), 1);
    }

    void multipartV1()
    {
        UploadOptions o = options({});
        o.multipartThreshold = kMiB;
        o.partSize = kMiB;
        o.parallelism = 3;
        o.signature = OssSignatureVersion::V1;
        roundTrip(m_plain, u"multi-v1.bin"_s, randomBytes(6 * kMiB, 5), o, 6);
    }

    void memoryStaysFlat()
    {
        // 64 MiB written a chunk at a time, uploaded in 8 MiB parts four at a time: the peak
        // resident memory grows by far less than the file (the parts stream from disk).
        const QString path = m_dir.filePath(u"big.bin"_s);
        oss::Crc64 crc;
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (quint32 i = 0; i < 64; ++i) {
                const QByteArray chunk = randomBytes(kMiB, 100 + i);
                crc.update(chunk);
                QCOMPARE(f.write(chunk), kMiB);
            }
        }
        if (!resetPeakMemory() || peakResidentKiB() < 0)
            QSKIP("no /proc/self/clear_refs here");
        const qint64 before = peakResidentKiB();
        UploadOptions o = options(path);
        o.multipartThreshold = 8 * kMiB;
        const Result<UploadResult> r = await(m_plain.job(o));
        BGE_VERIFY_OK(r);
        const qint64 grown = peakResidentKiB() - before;
        qInfo("peak memory grew by %lld KiB", grown);
        // Under ASan the figure is its quarantine's; the upload itself is still checked.
        if (!kAddressSanitizer)
            QVERIFY2(grown < 24 * 1024, qPrintable(u"peak memory grew by %1 KiB"_s.arg(grown)));
        QCOMPARE(r->crc64, crc.value());
        QCOMPARE(r->partsSent, 8);
        const Environment::Fetched head = m_plain.request("HEAD", r->objectName);
        QCOMPARE(head.crc64, QByteArray::number(crc.value()));
        QFile::remove(path);
    }

    void nameClashIsRefused()
    {
        const QByteArray first = randomBytes(200 * kKiB, 6);
        roundTrip(m_plain, u"clash.bin"_s, first, options({}), 1);
        const QString path = m_dir.filePath(u"clash.bin"_s);
        const QByteArray second = randomBytes(210 * kKiB, 7);
        QVERIFY(writeFile(path, second));
        for (const qint64 threshold : {100 * kMiB, 100 * kKiB}) { // PutObject and multipart
            UploadOptions o = options(path);
            o.multipartThreshold = threshold;
            const Result<UploadResult> refused = await(m_plain.job(o));
            BGE_VERIFY_ERROR_KIND(refused, ApiError::Kind::Http);
            QCOMPARE(refused.error().httpStatus(), 409);
            QCOMPARE(ossCode(refused.error()), u"FileAlreadyExists"_s);
        }
        UploadOptions o = options(path);
        o.overwrite = true;
        const Result<UploadResult> replaced = await(m_plain.job(o));
        BGE_VERIFY_OK(replaced);
        QVERIFY(m_plain.object(replaced->objectName, second.size()).body == second);
    }

    // The first files of a batch start together (the queue's 8 small files): one credentials
    // object asks the platform once for all of them, and a caller gone meanwhile is not called.
    void simultaneousCallersShareOneFetch()
    {
        PlatformUploadCredentials credentials(&m_plain.stack->api, &m_plain.stack->session);
        const qsizetype before = m_plain.sandbox.errorOutput().count(u"api: POST /sts/token 200"_s);
        QList<Result<UploadTarget>> results;
        QObject contexts[8];
        auto gone = std::make_unique<QObject>();
        bool goneCalled = false;
        credentials.acquire(gone.get(), false, [&](const Result<UploadTarget>&) { goneCalled = true; });
        for (QObject& context : contexts)
            credentials.acquire(&context, false, [&](const Result<UploadTarget>& t) { results.append(t); });
        gone.reset();
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 8, kWaitMs);
        for (const Result<UploadTarget>& t : std::as_const(results)) {
            BGE_VERIFY_OK(t);
            QCOMPARE(t->credentials.accessKeyId, results.first()->credentials.accessKeyId);
        }
        QVERIFY(!goneCalled);
        QTRY_COMPARE(m_plain.sandbox.errorOutput().count(u"api: POST /sts/token 200"_s), before + 1);
        // Then the cached target, without asking again.
        bool cached = false;
        credentials.acquire(&contexts[0], false, [&](const Result<UploadTarget>& t) { cached = t.ok(); });
        QTRY_VERIFY(cached);
        QTest::qWait(200);
        QCOMPARE(m_plain.sandbox.errorOutput().count(u"api: POST /sts/token 200"_s), before + 1);
    }

    // Finding 7b: the object is there already and is the file (an earlier run stored it, then
    // died before it could say so): the upload succeeds at once and sends nothing.
    void objectAlreadyThereIsTheUpload()
    {
        const QByteArray bytes = randomBytes(300 * kKiB, 16);
        roundTrip(m_plain, u"again.bin"_s, bytes, options({}), 1);
        const QString path = m_dir.filePath(u"again.bin"_s);
        for (const qint64 threshold : {100 * kMiB, 100 * kKiB}) { // PutObject and multipart
            UploadOptions o = options(path);
            o.multipartThreshold = threshold;
            UploadJob* job = m_plain.job(o);
            qint64 lastProgress = -1;
            connect(job, &UploadJob::progress, this, [&lastProgress](qint64 done, qint64) { lastProgress = done; });
            const Result<UploadResult> again = await(job);
            BGE_VERIFY_OK(again);
            QVERIFY(again->alreadyUploaded);
            QCOMPARE(again->partsSent, 0);
            QCOMPARE(again->size, bytes.size());
            QCOMPARE(again->crc64, oss::Crc64::checksum(bytes));
            QVERIFY(again->objectName.endsWith(u"/again.bin"_s));
            QCOMPARE(lastProgress, bytes.size());
        }
        QCOMPARE(m_plain.sandbox.errorOutput().count(QRegularExpression(u"oss: PUT \\S*/again.bin 200"_s)), 1);
        // No Initiate, no part either (the log names a POST without its query).
        QVERIFY(!m_plain.sandbox.errorOutput().contains(QRegularExpression(u"oss: POST \\S*/again.bin "_s)));
        QVERIFY(!m_plain.sandbox.errorOutput().contains(u"again.bin?partNumber"_s));
    }

    // Finding 1: PutObject stores the object but its reply is lost; the retry, sent with
    // x-oss-forbid-overwrite, is refused with 409 FileAlreadyExists. The object is the file's:
    // the upload succeeded.
    void lostReplyToPutObject()
    {
        Environment lossy;
        QVERIFY2(lossy.start({u"--oss-faults"_s, u"lost-put-reply-rate=1"_s}), qPrintable(lossy.sandbox.errorOutput()));
        roundTrip(lossy, u"lost-put.bin"_s, randomBytes(700 * kKiB + 3, 17), options({}), 1);
        const QString log = lossy.sandbox.errorOutput();
        QVERIFY2(log.contains(u"oss: fault: lost the reply to PutObject "_s), qPrintable(log.right(2000)));
        QVERIFY2(log.count(QRegularExpression(u"oss: PUT \\S*/lost-put.bin 409"_s)) >= 1, qPrintable(log.right(2000)));
    }

    // The same for CompleteMultipartUpload (and every second part's reply lost on the way).
    void lostReplyToCompleteMultipartUpload()
    {
        Environment lossy;
        QVERIFY2(lossy.start({u"--oss-faults"_s, u"lost-complete-reply-rate=1,lost-part-reply-rate=0.5"_s}),
                 qPrintable(lossy.sandbox.errorOutput()));
        UploadOptions o = options({});
        o.multipartThreshold = kMiB;
        o.partSize = 512 * kKiB;
        const QString name = u"lost-complete.bin"_s;
        const QByteArray bytes = randomBytes(3 * kMiB + 5, 18); // 6 parts and 5 bytes
        const QString path = m_dir.filePath(name);
        QVERIFY(writeFile(path, bytes));
        o.filePath = path;
        const Result<UploadResult> r = await(lossy.job(o));
        BGE_VERIFY_OK(r);
        QVERIFY(!r->alreadyUploaded);
        QCOMPARE(r->crc64, oss::Crc64::checksum(bytes));
        QVERIFY(lossy.object(r->objectName, bytes.size()).body == bytes);
        QVERIFY(!QFile::exists(UploadJournal::fileFor(m_journals, path, r->objectName)));
        const QString log = lossy.sandbox.errorOutput();
        QVERIFY2(log.contains(u"oss: fault: lost the reply to CompleteMultipartUpload "_s), qPrintable(log.right(2000)));
        QVERIFY2(log.contains(u"oss: fault: lost the reply to UploadPart "_s), qPrintable(log.right(2000)));
    }

    // A write refused with FileAlreadyExists whose object is not the file (another writer got
    // there after the name check) is a real clash, reported as such.
    void refusedWriteOverAnotherObjectIsAClash()
    {
        // The name check's HEAD has to go through the interposing manager, not the upload's own
        // sockets: Qt's transport for these jobs (the diagnostic switch).
        qputenv("BGE_UPLOAD_TRANSPORT", "qt");
        const auto ownSockets = qScopeGuard([] { qunsetenv("BGE_UPLOAD_TRANSPORT"); });
        QVERIFY(QDir().mkpath(m_dir.filePath(u"other"_s)));
        for (const qint64 threshold : {100 * kMiB, 100 * kKiB}) { // PutObject and multipart
            const QString name = threshold > kMiB ? u"between-put.bin"_s : u"between-multi.bin"_s;
            const QString path = m_dir.filePath(name);
            const QByteArray mine = randomBytes(200 * kKiB, 19);
            QVERIFY(writeFile(path, mine));
            const QString other = m_dir.filePath(u"other/"_s + name);
            QVERIFY(writeFile(other, randomBytes(200 * kKiB, 20))); // same size, other bytes
            bool placed = false;
            InterposingNetwork network(u'/' + name, [&] {
                UploadOptions o = options(other);
                o.overwrite = true;
                placed = await(m_plain.job(o)).ok();
            });
            UploadOptions o = options(path);
            o.multipartThreshold = threshold;
            const Result<UploadResult> r = await(new UploadJob(&network, m_plain.credentials.get(), o));
            QVERIFY(placed);
            BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Http);
            QCOMPARE(r.error().httpStatus(), 409);
            QCOMPARE(ossCode(r.error()), u"FileAlreadyExists"_s);
            QVERIFY2(r.error().detail().contains(u"already exists"_s), qPrintable(r.error().detail()));
            const QString objectName = r.error().detail().section(u' ', 4, 4);
            QVERIFY2(objectName.endsWith(u'/' + name), qPrintable(r.error().detail()));
            const Environment::Fetched kept = m_plain.object(objectName, 200 * kKiB);
            QCOMPARE(kept.status, 200);
            QVERIFY(kept.body != mine); // the other writer's object, left alone
            // The upload's own write was refused (not its name check).
            const QString verb = threshold > kMiB ? u"PUT"_s : u"POST"_s;
            QVERIFY2(m_plain.sandbox.errorOutput().contains(
                         QRegularExpression(u"oss: "_s + verb + u" \\S*/"_s + QRegularExpression::escape(name) + u" 409"_s)),
                     qPrintable(m_plain.sandbox.errorOutput().right(2000)));
        }
    }

    void notAFileName()
    {
        const QString path = m_dir.filePath(u"plain.bin"_s);
        QVERIFY(writeFile(path, "x"));
        UploadOptions o = options(path);
        o.objectFileName = u"sub/plain.bin"_s;
        const Result<UploadResult> subDirectory = await(m_plain.job(o));
        BGE_VERIFY_ERROR_KIND(subDirectory, ApiError::Kind::Usage);
        const Result<UploadResult> missing = await(m_plain.job(options(m_dir.filePath(u"missing.bin"_s))));
        BGE_VERIFY_ERROR_KIND(missing, ApiError::Kind::Usage);
    }

    void refusalsFailWithTheOssCode()
    {
        const QString path = m_dir.filePath(u"refused.bin"_s);
        QVERIFY(writeFile(path, randomBytes(300 * kKiB, 15)));
        SpoiledCredentials spoiled(m_plain.credentials.get());
        UploadJob* job = new UploadJob(&m_plain.stack->network, &spoiled, options(path));
        const Result<UploadResult> r = await(job);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Http);
        QCOMPARE(r.error().httpStatus(), 403);
        QCOMPARE(ossCode(r.error()), u"SignatureDoesNotMatch"_s);
        QVERIFY2(r.error().detail().contains(u"signature"_s), qPrintable(r.error().detail()));

        RefusingCredentials refusing;
        const Result<UploadResult> none = await(new UploadJob(&m_plain.stack->network, &refusing, options(path)));
        BGE_VERIFY_ERROR_KIND(none, ApiError::Kind::Authentication);
    }

    void resumesAfterACrash()
    {
        const QByteArray bytes = randomBytes(8 * kMiB, 8);
        const QString path = m_dir.filePath(u"resume.bin"_s);
        QVERIFY(writeFile(path, bytes));
        UploadOptions o = options(path);
        o.multipartThreshold = kMiB;
        o.partSize = 512 * kKiB; // 16 parts
        o.parallelism = 2;

        // First run: "crash" (destroy the job, no AbortMultipartUpload) after a few parts.
        UploadJob* crashed = m_slow.job(o);
        crashed->start();
        QString journal;
        QVERIFY(QTest::qWaitFor([&] {
            const QDir dir(m_journals);
            for (const QString& f : dir.entryList({u"upload-*.json"_s}, QDir::Files)) {
                const auto j = UploadJournal::load(dir.filePath(f));
                if (j && j->path() == path && j->parts.size() >= 4) {
                    journal = dir.filePath(f);
                    return true;
                }
            }
            return false;
        }, kWaitMs));
        delete crashed;
        const int before = journalParts(journal);
        QVERIFY(before >= 4 && before < 16);

        // Second run: lists the server's parts and sends only the rest.
        const Result<UploadResult> r = await(m_slow.job(o));
        BGE_VERIFY_OK(r);
        QVERIFY(r->resumed);
        QVERIFY2(r->partsSent <= 16 - before, qPrintable(u"%1 sent, %2 before"_s.arg(r->partsSent).arg(before)));
        QCOMPARE(r->crc64, oss::Crc64::checksum(bytes));
        QVERIFY(m_slow.object(r->objectName, bytes.size()).body == bytes);
        QVERIFY(!QFile::exists(journal));
    }

    void changedFileStartsOver()
    {
        const QString path = m_dir.filePath(u"changed.bin"_s);
        QVERIFY(writeFile(path, randomBytes(4 * kMiB, 9)));
        UploadOptions o = options(path);
        o.multipartThreshold = kMiB;
        o.partSize = 256 * kKiB; // 16 parts
        o.parallelism = 2;
        UploadJob* crashed = m_slow.job(o);
        crashed->start();
        QString journal;
        QVERIFY(QTest::qWaitFor([&] {
            const QDir dir(m_journals);
            for (const QString& f : dir.entryList({u"upload-*.json"_s}, QDir::Files)) {
                const auto j = UploadJournal::load(dir.filePath(f));
                if (j && j->path() == path && j->parts.size() >= 2) {
                    journal = dir.filePath(f);
                    return true;
                }
            }
            return false;
        }, kWaitMs));
        delete crashed;
        const QString oldUploadId = UploadJournal::load(journal)->uploadId;

        const QByteArray changed = randomBytes(4 * kMiB, 10);
        QVERIFY(writeFile(path, changed));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(10), QFileDevice::FileModificationTime));
        }
        const Result<UploadResult> r = await(m_slow.job(o));
        BGE_VERIFY_OK(r);
        QVERIFY(!r->resumed);
        QCOMPARE(r->partsSent, 16);
        QVERIFY(m_slow.object(r->objectName, changed.size()).body == changed);
        // The stale upload was aborted on the server.
        QVERIFY(QTest::qWaitFor([&] {
            return m_slow.request("GET", r->objectName, {{u"uploadId"_s, oldUploadId}}).code == "NoSuchUpload";
        }, 10000));
    }

    void cancelAbortsTheMultipartUpload()
    {
        const QString path = m_dir.filePath(u"cancel.bin"_s);
        QVERIFY(writeFile(path, randomBytes(4 * kMiB, 11)));
        UploadOptions o = options(path);
        o.multipartThreshold = kMiB;
        o.partSize = 256 * kKiB;
        o.parallelism = 2;
        UploadJob* job = m_slow.job(o);
        std::optional<Result<UploadResult>> outcome;
        QObject context;
        job->run(&context, [&outcome](const Result<UploadResult>& r) { outcome = r; });
        QString journal;
        std::optional<UploadJournal> state;
        QVERIFY(QTest::qWaitFor([&] {
            const QDir dir(m_journals);
            for (const QString& f : dir.entryList({u"upload-*.json"_s}, QDir::Files)) {
                state = UploadJournal::load(dir.filePath(f));
                if (state && state->path() == path && state->parts.size() >= 1) {
                    journal = dir.filePath(f);
                    return true;
                }
            }
            return false;
        }, kWaitMs));
        job->abort();
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs));
        BGE_VERIFY_ERROR_KIND(*outcome, ApiError::Kind::Cancelled);
        QVERIFY(!QFile::exists(journal));
        QVERIFY(QTest::qWaitFor([&] {
            return m_slow.request("GET", state->objectName, {{u"uploadId"_s, state->uploadId}}).code == "NoSuchUpload";
        }, 10000));
        QCOMPARE(m_slow.request("HEAD", state->objectName).status, 404);
    }

    void cancelDuringInitiateLeavesNothing()
    {
        // Cancelled while InitiateMultipartUpload is on its way: the upload the server creates
        // after that has no journal to be found by; its answer is awaited and it is aborted.
        QTemporaryDir data;
        Environment slow;
        QVERIFY2(slow.start({u"--data-dir"_s, data.path(), u"--oss-faults"_s, u"latency-ms=1500"_s}),
                 qPrintable(slow.sandbox.errorOutput()));
        const QString path = m_dir.filePath(u"cancel-early.bin"_s);
        QVERIFY(writeFile(path, randomBytes(2 * kMiB, 21)));
        UploadOptions o = options(path);
        o.overwrite = true; // no HEAD first: the first object-storage request is the Initiate
        o.multipartThreshold = kMiB;
        o.partSize = 256 * kKiB;
        std::optional<Result<UploadResult>> outcome;
        QObject context;
        UploadJob* job = slow.job(o);
        job->run(&context, [&outcome](const Result<UploadResult>& r) { outcome = r; });
        const QDir uploads(data.path() + u"/oss/uploads"_s);
        const auto serverUploads = [&] { return uploads.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(); };
        // The Initiate is on its way once the network manager has its reply (the server sits on
        // it for its latency); abort then.
        const auto initiating = [&] {
            const QList<QNetworkReply*> replies = slow.stack->network.findChildren<QNetworkReply*>();
            return std::any_of(replies.cbegin(), replies.cend(), [](const QNetworkReply* r) {
                return r->url().query() == u"uploads"_s; // POST ?uploads: nothing else asks that
            });
        };
        QVERIFY(QTest::qWaitFor(initiating, kWaitMs));
        QCOMPARE(serverUploads(), 0);
        job->abort();
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs));
        BGE_VERIFY_ERROR_KIND(*outcome, ApiError::Kind::Cancelled);
        // The server creates the upload when its latency is over, then the client aborts it.
        QVERIFY(QTest::qWaitFor([&] { return serverUploads() > 0; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return serverUploads() == 0; }, 10000));
        const QDir journals(m_journals);
        for (const QString& f : journals.entryList({u"upload-*.json"_s}, QDir::Files)) {
            const std::optional<UploadJournal> left = UploadJournal::load(journals.filePath(f));
            QVERIFY(!left || left->path() != path);
        }
    }

    void credentialsExpireMidUpload()
    {
        Environment sts;
        QVERIFY2(sts.start({u"--sts-ttl"_s, u"3"_s, u"--oss-faults"_s, u"latency-ms=300"_s}),
                 qPrintable(sts.sandbox.errorOutput()));
        UploadOptions o = options({});
        o.multipartThreshold = kMiB;
        o.partSize = 128 * kKiB; // 24 parts, 2 at a time, 300 ms each: outlives the credentials
        o.parallelism = 2;
        CountingCredentials counting(sts.credentials.get());
        sts.provider = &counting;
        QElapsedTimer clock;
        clock.start();
        roundTrip(sts, u"expiring.bin"_s, randomBytes(3 * kMiB, 12), o, 24);
        QVERIFY2(clock.elapsed() > 3000, "the upload did not outlive its credentials");
        QCOMPARE(counting.first, 1);
        QVERIFY2(counting.renewals >= 1, "the credentials were never renewed");
    }

    void survivesInjectedFaults()
    {
        Environment faulty;
        QVERIFY2(faulty.start({u"--oss-faults"_s, u"error-rate=0.2,drop-rate=0.05"_s}),
                 qPrintable(faulty.sandbox.errorOutput()));
        UploadOptions o = options({});
        o.multipartThreshold = kMiB;
        o.partSize = 512 * kKiB;
        o.retry = {10, 50, 500};
        roundTrip(faulty, u"faulty-multi.bin"_s, randomBytes(6 * kMiB + 1, 13), o, 13); // 12 parts and 1 byte
        UploadOptions small = options({});
        small.retry = {10, 50, 500};
        roundTrip(faulty, u"faulty-small.bin"_s, randomBytes(300 * kKiB, 14), small, 1);
    }
};

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
