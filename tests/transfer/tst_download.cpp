// DownloadJob against real sandboxes over loopback: byte-identical files checked against the
// platform's MD5 and the server's CRC-64, resume with Range after an interruption, a corrupted
// or stale partial file, an expired signature, existing destinations, cancel, and downloads
// through injected object-storage faults (503s and connections dropped mid-body).
//
// Four sandboxes share one data directory, so they serve the same objects: a clean one, one
// that drops every GET halfway (drop-rate=1: deterministic interruptions), a flaky one and a
// slow one.
#include "common/sandboxprocess.h"
#include "core/coretestsupport.h"

#include "oss/crc64.h"
#include "oss/signaturev1.h"
#include "transfer/downloadjob.h"
#include "transfer/downloadjournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kBigSize = 8 * 1024 * 1024 + 12345; // several of the sandbox's 1 MiB chunks

QString md5Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex());
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// The sidecar an earlier run would have left next to `dest`.
bool saveJournal(const QString& dest, const QString& object, const QByteArray& etag, qint64 size,
                 std::optional<quint64> crc = std::nullopt)
{
    const DownloadJournal journal{object, etag, size, crc};
    return journal.save(DownloadJob::journalPathFor(dest), nullptr);
}

// Fast retries: the suite must not spend its time in backoff.
RetryPolicy fastRetry(int attempts = 12)
{
    return RetryPolicy{attempts, 20, 200};
}

// PUTs `data` as <destination>/<name> with the user's STS credentials, signed the way core
// signs; retried, since the faulty sandboxes are not used for this.
Result<QString> upload(ClientStack& stack, const QString& name, const QByteArray& data)
{
    const Result<UploadToken> token = await(stack.api.uploadToken());
    if (!token)
        return token.error();
    const QString key = token->destination + u'/' + name;
    oss::SignableRequest r;
    r.method = "PUT";
    r.bucket = token->bucket;
    r.key = key;
    r.setHeader("Content-Type", "application/octet-stream");
    oss::SignatureV1::signHeaders(r, {token->accessKeyId, token->accessKeySecret, token->securityToken, {}},
                                  QDateTime::currentDateTimeUtc());
    QNetworkRequest request(QUrl(token->baseUri + u'/' + name));
    for (const auto& [header, value] : r.headers)
        request.setRawHeader(header, value);
    QNetworkReply* reply = stack.network.put(request, data);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(kWaitMs))
        return ApiError::timeout(u"upload"_s);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    if (status != 200)
        return ApiError::http(status, QString::fromUtf8(body));
    return key;
}

// verifyBig() and stop the test when it failed (the result may hold no value).
#define BGE_VERIFY_BIG(result, dest)                                                                         \
    do {                                                                                                     \
        verifyBig((result), (dest));                                                                         \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

struct Fixture
{
    SandboxProcess sandbox;
    std::unique_ptr<ClientStack> user;
};

} // namespace

class TestDownload final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data; // the sandboxes' shared object store
    QTemporaryDir m_dir;  // where downloads go
    Fixture m_clean, m_drop, m_flaky, m_slow;
    QList<SampleFile> m_files;
    QString m_bigObject;
    QByteArray m_bigData;
    int m_counter = 0;

    bool startFixture(Fixture& f, const QStringList& extra)
    {
        if (!f.sandbox.start(QStringList{u"--data-dir"_s, m_data.path()} + extra)) {
            qWarning().noquote() << f.sandbox.errorOutput();
            return false;
        }
        f.user = makeStack(f.sandbox, u"bge-desktop-demo"_s);
        const Result<TokenGrant> grant =
            signIn(*f.user, f.sandbox, f.sandbox.user(0).value(u"username").toString());
        if (!grant) {
            qWarning().noquote() << describe(grant.error());
            return false;
        }
        f.user->session.setGrant(grant.value());
        return true;
    }

    // A fresh destination path for each download.
    QString destination(const QString& name = u"file"_s)
    {
        return m_dir.filePath(u"%1-%2"_s.arg(++m_counter).arg(name));
    }

    static Result<DownloadResult> download(Fixture& f, const QString& object, const QString& dest,
                                           DownloadOptions options = {})
    {
        return await(new DownloadJob(&f.user->api, object, dest, std::move(options)));
    }

    // No trace of a download next to `dest` but the destination itself.
    static void verifyNoLeftovers(const QString& dest)
    {
        QVERIFY2(!QFile::exists(DownloadJob::partialPathFor(dest)), qPrintable(dest));
        QVERIFY2(!QFile::exists(DownloadJob::journalPathFor(dest)), qPrintable(dest));
        QVERIFY2(!QFile::exists(DownloadJob::partialPathFor(dest) + u".lock"_s), qPrintable(dest));
    }

    void verifyBig(const Result<DownloadResult>& r, const QString& dest)
    {
        BGE_VERIFY_OK(r);
        QCOMPARE(r->path, dest);
        QCOMPARE(r->size, kBigSize);
        QVERIFY(r->crc64Verified);
        QCOMPARE(r->crc64, oss::Crc64::checksum(m_bigData));
        const QByteArray onDisk = readAll(dest);
        QCOMPARE(onDisk.size(), m_bigData.size());
        QVERIFY(onDisk == m_bigData);
        verifyNoLeftovers(dest);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_dir.isValid());
        QVERIFY(startFixture(m_clean, {}));
        // The platform's result files of the user's samples.
        for (const QString& omic : {u"genomics"_s, u"metagenomics"_s}) {
            const QString id = m_clean.sandbox.user(0).value(u"samples").toObject().value(omic).toString();
            const Result<Sample> sample = await(m_clean.user->api.sample(id, true));
            BGE_VERIFY_OK(sample);
            m_files += sample->files;
        }
        QVERIFY(m_files.size() >= 2);
        // A larger object of the user's own, random bytes.
        m_bigData.resize(kBigSize);
        QRandomGenerator rng(20191);
        for (qsizetype i = 0; i < m_bigData.size(); ++i)
            m_bigData[i] = char(rng.bounded(256));
        const Result<QString> key = upload(*m_clean.user, u"download-test.bin"_s, m_bigData);
        BGE_VERIFY_OK(key);
        m_bigObject = key.value();
        // Started after the upload: they read the same store.
        QVERIFY(startFixture(m_drop, {u"--oss-faults"_s, u"drop-rate=1"_s}));
        QVERIFY(startFixture(m_flaky, {u"--oss-faults"_s, u"error-rate=0.3,drop-rate=0.3"_s}));
        QVERIFY(startFixture(m_slow, {u"--oss-faults"_s, u"latency-ms=1500"_s}));
    }

    void downloadsSampleFiles()
    {
        for (const SampleFile& file : std::as_const(m_files)) {
            const QString dest = destination(file.fileName);
            DownloadJob* job = new DownloadJob(&m_clean.user->api, file.objectName, dest);
            QSignalSpy progress(job, &DownloadJob::progress);
            const Result<DownloadResult> r = await(job);
            BGE_VERIFY_OK(r);
            QCOMPARE(r->size, file.size);
            QCOMPARE(md5Hex(readAll(dest)), file.md5);
            QVERIFY(r->crc64Verified);
            QCOMPARE(r->crc64, oss::Crc64::checksum(readAll(dest)));
            QCOMPARE(r->resumedFrom, 0);
            QCOMPARE(r->bytesFetched, file.size);
            QCOMPARE(r->attempts, 1);
            QCOMPARE(r->urlsSigned, 1);
            QVERIFY(!r->etag.isEmpty());
            QVERIFY(!progress.isEmpty());
            QCOMPARE(progress.last().at(0).toLongLong(), file.size);
            QCOMPARE(progress.last().at(1).toLongLong(), file.size);
            verifyNoLeftovers(dest);
        }
    }

    // Found by the fault soak: OSS answers an empty object with Content-Length: 0, which the
    // sandbox left out, so every download of a 0-byte file failed ("no Content-Length").
    void downloadsAnEmptyObject()
    {
        const Result<QString> key = upload(*m_clean.user, u"empty.bin"_s, QByteArray());
        BGE_VERIFY_OK(key);
        const QString dest = destination(u"empty.bin"_s);
        const Result<DownloadResult> r = await(new DownloadJob(&m_clean.user->api, key.value(), dest));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->size, 0);
        QVERIFY(r->crc64Verified);
        QVERIFY(QFileInfo(dest).isFile());
        QCOMPARE(QFileInfo(dest).size(), 0);
        verifyNoLeftovers(dest);
    }

    void downloadsLargeObject()
    {
        const QString dest = destination(u"big.bin"_s);
        DownloadJob* job = new DownloadJob(&m_clean.user->api, m_bigObject, dest);
        QSignalSpy progress(job, &DownloadJob::progress);
        QElapsedTimer clock;
        clock.start();
        const Result<DownloadResult> r = await(job);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->bytesFetched, kBigSize);
        // Throttled: at most five a second, plus the one for the headers and the last.
        QVERIFY2(progress.size() <= clock.elapsed() / 200 + 3, qPrintable(QString::number(progress.size())));
        qint64 previous = -1;
        for (const QList<QVariant>& p : std::as_const(progress)) {
            QVERIFY(p.at(0).toLongLong() >= previous);
            previous = p.at(0).toLongLong();
        }
    }

    void resumesFromPartialFile()
    {
        // The first bytes already there, as an earlier run would have left them.
        const QString dest = destination(u"resume.bin"_s);
        const qint64 kept = 3 * 1024 * 1024 + 7;
        QVERIFY(writeFile(DownloadJob::partialPathFor(dest), m_bigData.left(kept)));
        QVERIFY(saveJournal(dest, m_bigObject, {}, kBigSize));
        const Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->resumedFrom, kept);
        QCOMPARE(r->bytesFetched, kBigSize - kept); // only the rest crossed the network
        QCOMPARE(r->attempts, 1);
    }

    void partialWithoutJournalStartsOver()
    {
        // Bytes nobody vouches for (no journal, or another object's) are not resumed.
        const QString dest = destination(u"orphan.bin"_s);
        QVERIFY(writeFile(DownloadJob::partialPathFor(dest), m_bigData.left(1000)));
        Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->resumedFrom, 0);
        QCOMPARE(r->bytesFetched, kBigSize);

        const QString other = destination(u"other.bin"_s);
        QVERIFY(writeFile(DownloadJob::partialPathFor(other), m_bigData.left(1000)));
        QVERIFY(saveJournal(other, m_files.first().objectName, {}, -1));
        r = download(m_clean, m_bigObject, other);
        BGE_VERIFY_BIG(r, other);
        QCOMPARE(r->bytesFetched, kBigSize);
    }

    void changedObjectStartsOver()
    {
        // The journal remembers another ETag: the object was replaced since, so its first
        // bytes are not this object's.
        const QString dest = destination(u"changed.bin"_s);
        QVERIFY(writeFile(DownloadJob::partialPathFor(dest), m_bigData.left(5000)));
        QVERIFY(saveJournal(dest, m_bigObject, "\"0123456789ABCDEF0123456789ABCDEF\"", kBigSize));
        const Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->resumedFrom, 0);
        QCOMPARE(r->bytesFetched, kBigSize); // nothing of the refused ranged answer was kept
        QCOMPARE(r->attempts, 2);
    }

    void completePartialNeedsNoNetwork()
    {
        // Stopped between the last byte and the rename: checked against the journal's CRC.
        const QString dest = destination(u"complete.bin"_s);
        QVERIFY(writeFile(DownloadJob::partialPathFor(dest), m_bigData));
        QVERIFY(saveJournal(dest, m_bigObject, {}, kBigSize, oss::Crc64::checksum(m_bigData)));
        const Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->attempts, 0);
        QCOMPARE(r->urlsSigned, 0);
        QCOMPARE(r->bytesFetched, 0);
    }

    // Issue 14, disk and file limits: a full disk (ENOSPC: the partial file is /dev/full) ends
    // the download with a sentence that says so and how much room to make, not a bare errno.
    // (Keeping the bytes and resuming after them: tst_cli downloadOutOfRoomResumes.)
    void fullDiskIsSaidPlainly()
    {
        if (!QFileInfo(u"/dev/full"_s).exists())
            QSKIP("no /dev/full on this system");
        const QString dest = destination(u"full.bin"_s);
        QVERIFY(QFile::link(u"/dev/full"_s, DownloadJob::partialPathFor(dest)));
        QVERIFY(saveJournal(dest, m_bigObject, {}, kBigSize));
        const Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Usage);
        const QString needed = QString::number((kBigSize + 999999) / 1000000);
        QVERIFY2(r.error().detail().startsWith(u"The disk is full: %1 could not be written. Free at least %2 MB"_s
                                                   .arg(dest, needed)),
                 qPrintable(r.error().detail()));
        QVERIFY2(r.error().detail().contains(u"run the download again to resume it"_s), qPrintable(r.error().detail()));
        QVERIFY(!QFile::exists(dest));
        QFile::remove(DownloadJob::partialPathFor(dest)); // the link, if still there
        QFile::remove(DownloadJob::journalPathFor(dest));
    }

    void corruptedPartialFailsLoudly()
    {
        const QString dest = destination(u"corrupt.bin"_s);
        QByteArray partial = m_bigData.left(2 * 1024 * 1024);
        partial[123456] = char(partial[123456] ^ 0x5a);
        QVERIFY(writeFile(DownloadJob::partialPathFor(dest), partial));
        QVERIFY(saveJournal(dest, m_bigObject, {}, kBigSize));
        const Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Malformed);
        QVERIFY2(r.error().detail().contains(u"CRC-64 mismatch"_s), qPrintable(r.error().detail()));
        QVERIFY(!r.error().detail().contains(u"Signature"_s)); // never the signed URL
        QVERIFY(!QFile::exists(dest));
        verifyNoLeftovers(dest); // the bad bytes are gone: the next try starts clean
        BGE_VERIFY_BIG(download(m_clean, m_bigObject, dest), dest);
    }

    void existingDestinationIsRefused()
    {
        const QString dest = destination(u"exists.bin"_s);
        QVERIFY(writeFile(dest, "mine"));
        const Result<DownloadResult> r = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Usage);
        QVERIFY(r.error().detail().contains(u"already exists"_s));
        QCOMPARE(readAll(dest), QByteArray("mine"));
        verifyNoLeftovers(dest);

        DownloadOptions replace;
        replace.overwrite = true;
        BGE_VERIFY_BIG(download(m_clean, m_bigObject, dest, replace), dest);
    }

    void refusesBadArguments()
    {
        BGE_VERIFY_ERROR_KIND(download(m_clean, m_bigObject, m_dir.filePath(u"no/such/folder/x"_s)),
                              ApiError::Kind::Usage);
        BGE_VERIFY_ERROR_KIND(download(m_clean, m_bigObject, m_dir.path()), ApiError::Kind::Usage);
        BGE_VERIFY_ERROR_KIND(download(m_clean, QString(), destination()), ApiError::Kind::Usage);
    }

    void missingObjectIsAnHttpError()
    {
        const QString dest = destination(u"missing.bin"_s);
        const QString object = m_bigObject.section(u'/', 0, -2) + u"/no-such-object.bin"_s;
        const Result<DownloadResult> r = download(m_clean, object, dest);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Http);
        QCOMPARE(r.error().httpStatus(), 404);
        QVERIFY2(r.error().detail().contains(u"NoSuchKey"_s), qPrintable(r.error().detail()));
        QVERIFY(!QFile::exists(dest));
        verifyNoLeftovers(dest);
    }

    void refusedSignatureFailsTheJob()
    {
        // Another user's result file: the platform will not sign it.
        const QString other =
            m_clean.sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        QVERIFY(!other.isEmpty());
        const QString dest = destination(u"theirs.vcf"_s);
        const Result<DownloadResult> r =
            download(m_clean, u"ods/genomics/%1/%1.variants.vcf"_s.arg(other), dest);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Api);
        QVERIFY(!QFile::exists(dest));
        verifyNoLeftovers(dest);
    }

    void stalledServerTimesOut()
    {
        // The slow sandbox answers after 1.5 s; the job allows 300 ms of silence, twice.
        DownloadOptions impatient;
        impatient.stallTimeoutMs = 300;
        impatient.retry = RetryPolicy{2, 20, 50};
        const QString dest = destination(u"stalled.bin"_s);
        const Result<DownloadResult> r = download(m_slow, m_bigObject, dest, impatient);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Timeout);
        QVERIFY(!QFile::exists(dest));
        verifyNoLeftovers(dest); // nothing arrived: nothing kept
    }

    // Found by the fault soak: a `bge download` killed between creating its lock file and writing
    // its process id into it left a lock that no later run could take ("another download into …
    // is running", for ever). Nobody holds such a file's native lock: it is stale.
    void lockLeftEmptyByAKilledRunIsStale()
    {
        const QString dest = destination(u"empty-lock.bin"_s);
        for (const QByteArray& content : {QByteArray(), QByteArray("4")}) {
            QVERIFY(writeFile(DownloadJob::partialPathFor(dest) + u".lock"_s, content));
            const Result<DownloadResult> r = await(new DownloadJob(&m_clean.user->api, m_bigObject, dest));
            BGE_VERIFY_OK(r);
            QCOMPARE(readAll(dest), m_bigData);
            verifyNoLeftovers(dest);
            QVERIFY(QFile::remove(dest));
        }
    }

    void oneDownloadPerDestination()
    {
        // The first job waits on the slow sandbox while a second one wants the same file.
        const QString dest = destination(u"twice.bin"_s);
        auto* first = new DownloadJob(&m_slow.user->api, m_bigObject, dest);
        std::optional<Result<DownloadResult>> firstOutcome;
        QObject context;
        first->run(&context, [&firstOutcome](const Result<DownloadResult>& r) { firstOutcome = r; });
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(DownloadJob::partialPathFor(dest) + u".lock"_s); },
                                kWaitMs));
        const Result<DownloadResult> second = download(m_clean, m_bigObject, dest);
        BGE_VERIFY_ERROR_KIND(second, ApiError::Kind::Usage);
        QVERIFY2(second.error().detail().contains(u"another download"_s),
                 qPrintable(second.error().detail()));
        QVERIFY(!firstOutcome);
        QVERIFY(QTest::qWaitFor([&] { return firstOutcome.has_value(); }, kWaitMs));
        BGE_VERIFY_BIG(*firstOutcome, dest); // the refused job disturbed nothing
    }

    void expiredUrlIsSignedAgain()
    {
        const Result<DownloadUrl> brief = await(m_clean.user->api.downloadUrl(m_bigObject, u"domestic"_s, 1));
        BGE_VERIFY_OK(brief);
        QTest::qWait(2200);

        // Expiry unknown to the client (or clocks disagree): the 403 "Request has expired" tells.
        DownloadOptions stale;
        stale.presignedUrl = DownloadUrl{brief->url, QDateTime()};
        QString dest = destination(u"expired.bin"_s);
        Result<DownloadResult> r = download(m_clean, m_bigObject, dest, stale);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->attempts, 2);
        QCOMPARE(r->urlsSigned, 1);

        // Expiry known: signed again before the first request.
        DownloadOptions known;
        known.presignedUrl = brief.value();
        dest = destination(u"expired2.bin"_s);
        r = download(m_clean, m_bigObject, dest, known);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->attempts, 1);
        QCOMPARE(r->urlsSigned, 1);
    }

    void cancelKeepsPartialForResume()
    {
        // Every GET of the drop sandbox dies halfway; a long backoff holds the job after the
        // first, with half the object on disk, and it is cancelled there.
        const QString dest = destination(u"cancel.bin"_s);
        DownloadOptions slow;
        slow.retry = RetryPolicy{4, 10000, 10000};
        auto* job = new DownloadJob(&m_drop.user->api, m_bigObject, dest, slow);
        std::optional<Result<DownloadResult>> outcome;
        QObject context;
        job->run(&context, [&outcome](const Result<DownloadResult>& r) { outcome = r; });
        const QString partial = DownloadJob::partialPathFor(dest);
        QVERIFY(QTest::qWaitFor([&] { return QFileInfo(partial).size() >= kBigSize / 2; }, kWaitMs));
        qint64 kept = -1;
        for (int i = 0; i < 50 && QFileInfo(partial).size() != kept; ++i) { // until the attempt has ended
            kept = QFileInfo(partial).size();
            QTest::qWait(300);
        }
        QVERIFY(kept < kBigSize);
        QVERIFY(!outcome);
        job->abort();
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs));
        BGE_VERIFY_ERROR_KIND(*outcome, ApiError::Kind::Cancelled);
        // Chosen behaviour: no destination, the partial file and its journal stay for a resume.
        QVERIFY(!QFile::exists(dest));
        QCOMPARE(QFileInfo(partial).size(), kept);
        QVERIFY(QFile::exists(DownloadJob::journalPathFor(dest)));
        QVERIFY(!QFile::exists(partial + u".lock"_s));

        // A new job resumes after those bytes, through more drops, each resumed in turn.
        DownloadOptions fast;
        fast.retry = fastRetry();
        const Result<DownloadResult> r = download(m_drop, m_bigObject, dest, fast);
        BGE_VERIFY_BIG(r, dest);
        QCOMPARE(r->resumedFrom, kept);
        QVERIFY(r->bytesFetched < kBigSize);
        QCOMPARE(r->bytesFetched, kBigSize - kept);
        QVERIFY(r->attempts >= 2);
    }

    void tooManyFailuresKeepThePartial()
    {
        // Out of attempts: a transport error, and what arrived stays for later.
        const QString dest = destination(u"giveup.bin"_s);
        DownloadOptions once;
        once.retry = RetryPolicy::none();
        const Result<DownloadResult> r = download(m_drop, m_bigObject, dest, once);
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Transport);
        QVERIFY(!QFile::exists(dest));
        QVERIFY(QFileInfo(DownloadJob::partialPathFor(dest)).size() > 0);
        DownloadOptions fast;
        fast.retry = fastRetry();
        BGE_VERIFY_BIG(download(m_drop, m_bigObject, dest, fast), dest);
    }

    void survivesFaults()
    {
        DownloadOptions fast;
        fast.retry = fastRetry();
        int attempts = 0;
        for (int round = 0; round < 3; ++round) {
            const QString dest = destination(u"flaky.bin"_s);
            const Result<DownloadResult> r = download(m_flaky, m_bigObject, dest, fast);
            BGE_VERIFY_BIG(r, dest);
            attempts += r->attempts;
        }
        for (const SampleFile& file : std::as_const(m_files)) {
            const QString dest = destination(file.fileName);
            const Result<DownloadResult> r = download(m_flaky, file.objectName, dest, fast);
            BGE_VERIFY_OK(r);
            QCOMPARE(md5Hex(readAll(dest)), file.md5);
            verifyNoLeftovers(dest);
            attempts += r->attempts;
        }
        // Not asserted (it is random): how much the faults cost.
        qInfo() << "downloads" << 3 + m_files.size() << "attempts" << attempts;
    }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
