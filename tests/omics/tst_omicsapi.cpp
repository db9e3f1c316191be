// Every read-set operation of the HealthOmics client against the emulator of a real
// bge-sandbox child process over loopback: success and error paths, paging and filters, the
// upload life cycle read back byte for byte, paired FASTQ, abort, import jobs, the pacer
// against the emulator's TPS quotas, standard retries under injected 5xx and drops, and the
// sentences for a wrong secret and an unknown key.
#include "common/sandboxprocess.h"
#include "omics/awssettings.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicsjob.h"
#include "omics/requestpacer.h"
#include "omicstestsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QtTest>

#include <memory>

using namespace bge;
using namespace bge::omics;
using namespace Qt::StringLiterals;

namespace {

// Runs a job kept alive after finished() so that its attempts can be read.
template <typename T> std::pair<Result<T>, int> awaitWithAttempts(Job<T>* job)
{
    job->setAutoDelete(false);
    std::unique_ptr<Job<T>> owner(job);
    Result<T> r = test::awaitJob(job);
    auto* omicsJob = dynamic_cast<OmicsJob<T>*>(job);
    return {r, omicsJob ? omicsJob->attempts() : 0};
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (char& c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendLe(QByteArray& out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out += char((value >> (8 * i)) & 0xFF);
}

// One BGZF block holding `data` in a stored (uncompressed) deflate block: a real gzip member
// with the BC extra field, as samtools writes them, without needing zlib in the test.
QByteArray bgzfBlock(const QByteArray& data)
{
    QByteArray deflate;
    deflate += char(1); // final stored block
    appendLe(deflate, quint32(data.size()), 2);
    appendLe(deflate, quint32(~data.size() & 0xFFFF), 2);
    deflate += data;
    QByteArray out("\x1f\x8b\x08\x04\0\0\0\0\0\xff\x06\0BC\x02\0", 16);
    appendLe(out, quint32(18 + deflate.size() + 8 - 1), 2);
    out += deflate;
    appendLe(out, crc32(data), 4);
    appendLe(out, quint32(data.size()), 4);
    return out;
}

// The start of an unaligned BAM: "BAM\1", a header without @SQ lines, no references.
QByteArray ubamHead()
{
    const QByteArray text = "@HD\tVN:1.6\tSO:unsorted\n@RG\tID:run1\tSM:NA12878\n";
    QByteArray raw("BAM\1", 4);
    appendLe(raw, quint32(text.size()), 4);
    raw += text;
    appendLe(raw, 0, 4); // n_ref
    return bgzfBlock(raw);
}

} // namespace

class TestOmicsApi final : public QObject
{
    Q_OBJECT

private:
    test::SandboxProcess m_sandbox;
    QNetworkAccessManager m_network;
    QJsonObject m_omics;
    QString m_store;
    QString m_otherStore;
    OmicsConnection* m_connection = nullptr;
    std::unique_ptr<OmicsApi> m_api;

    AwsSettingsRequest settingsRequest(const QJsonObject& omics, const QString& secret = {}) const
    {
        AwsSettingsRequest request;
        QProcessEnvironment env;
        env.insert(u"HOME"_s, QDir::tempPath() + u"/no-such-home-for-omics-tests"_s);
        env.insert(u"AWS_ACCESS_KEY_ID"_s, omics.value(u"access_key_id"_s).toString());
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s,
                   secret.isEmpty() ? omics.value(u"secret_access_key"_s).toString() : secret);
        env.insert(u"AWS_REGION"_s, omics.value(u"region"_s).toString());
        env.insert(u"AWS_ENDPOINT_URL_OMICS"_s, omics.value(u"endpoint"_s).toString());
        request.environment = env;
        return request;
    }

    // A connection as the command line builds one: settings from the environment.
    OmicsConnection* connect(const QJsonObject& omics, const QString& secret = {})
    {
        Result<AwsSettings> settings = resolveAwsSettings(settingsRequest(omics, secret));
        if (!settings)
            return nullptr;
        Result<OmicsConnection*> c = OmicsConnection::create(settings.value(), &m_network, this);
        return c ? c.value() : nullptr;
    }

    ReadSetMetadata waitUntilSettled(const QString& store, const QString& readSetId)
    {
        ReadSetMetadata last;
        (void)QTest::qWaitFor(
            [&] {
                const Result<ReadSetMetadata> m = test::awaitJob(m_api->readSetMetadata(store, readSetId));
                if (!m)
                    return false;
                last = m.value();
                if (last.readSet.status == u"ACTIVE" || last.readSet.status == u"UPLOAD_FAILED")
                    return true;
                QTest::qWait(200);
                return false;
            },
            test::kOmicsWaitMs);
        return last;
    }

    QByteArray readBack(const QString& store, const ReadSetMetadata& m, const QString& file)
    {
        QByteArray all;
        const std::optional<ReadSetFileInfo> info = m.file(file);
        if (!info)
            return all;
        for (int part = 1; part <= info->totalParts; ++part) {
            const Result<QByteArray> bytes =
                test::awaitJob(m_api->readSetPart(store, m.readSet.id, part, file));
            if (!bytes)
                return "ERROR: " + bytes.error().fullText().toUtf8();
            all += bytes.value();
        }
        return all;
    }

    QStringList uploadIds(const QString& store)
    {
        QStringList ids;
        ListOptions options;
        do {
            const Result<OmicsPage<ReadSetUpload>> page = test::awaitJob(m_api->listUploads(store, options));
            if (!page)
                return {u"ERROR"_s};
            for (const ReadSetUpload& u : page->items)
                ids.append(u.uploadId);
            options.nextToken = page->nextToken;
        } while (!options.nextToken.isEmpty());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            m_sandbox.start({u"--omics-processing-ms"_s, u"200"_s, u"--omics-read-part-size"_s, u"65536"_s}),
            qPrintable(m_sandbox.errorOutput()));
        m_omics = m_sandbox.description().value(u"omics"_s).toObject();
        QVERIFY(!m_omics.isEmpty());
        const QJsonArray stores = m_omics.value(u"sequence_stores"_s).toArray();
        QCOMPARE(stores.size(), 2);
        m_store = stores.at(0).toObject().value(u"id"_s).toString();
        m_otherStore = stores.at(1).toObject().value(u"id"_s).toString();
        m_connection = connect(m_omics);
        QVERIFY(m_connection);
        QVERIFY(m_connection->endpoint().isOverride());
        m_api = std::make_unique<OmicsApi>(m_connection);
    }

    void sequenceStores()
    {
        const Result<OmicsPage<SequenceStore>> page = test::awaitJob(m_api->listSequenceStores());
        QVERIFY2(page, qPrintable(page.error().fullText()));
        QStringList ids;
        for (const SequenceStore& s : page->items)
            ids.append(s.id);
        QVERIFY(ids.contains(m_store));
        QVERIFY(ids.contains(m_otherStore));
        // Filter by name.
        SequenceStoreFilter filter;
        filter.name =
            m_omics.value(u"sequence_stores"_s).toArray().at(1).toObject().value(u"name"_s).toString();
        const Result<OmicsPage<SequenceStore>> named = test::awaitJob(m_api->listSequenceStores(filter));
        QVERIFY2(named, qPrintable(named.error().fullText()));
        QCOMPARE(named->items.size(), 1);
        QCOMPARE(named->items.first().id, m_otherStore);

        const Result<SequenceStore> store = test::awaitJob(m_api->sequenceStore(m_store));
        QVERIFY2(store, qPrintable(store.error().fullText()));
        QCOMPARE(store->id, m_store);
        QVERIFY(store->arn.startsWith(u"arn:aws:omics:"_s));
        QVERIFY(store->creationTime.isValid());
        QCOMPARE(store->raw.value(u"id"_s).toString(), m_store);

        const Result<SequenceStore> missing = test::awaitJob(m_api->sequenceStore(u"9999999999"_s));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind(), ApiError::Kind::Service);
        QCOMPARE(missing.error().serviceCode(), u"ResourceNotFoundException"_s);
        QCOMPARE(missing.error().httpStatus(), 404);
        QVERIFY(!missing.error().requestId().isEmpty());
        QVERIFY(missing.error().message().contains(u"could not find"_s));
    }

    void readSetsPagingAndFilters()
    {
        // Every read set of the store, page by page (7 at a time), each id once.
        QList<ReadSetListItem> all;
        QSet<QString> ids;
        ListOptions options{7, {}};
        int pages = 0;
        do {
            const Result<OmicsPage<ReadSetListItem>> page =
                test::awaitJob(m_api->listReadSets(m_store, {}, options));
            QVERIFY2(page, qPrintable(page.error().fullText()));
            QVERIFY(page->items.size() <= 7);
            for (const ReadSetListItem& r : page->items) {
                QVERIFY2(!ids.contains(r.id), qPrintable(r.id));
                ids.insert(r.id);
                all.append(r);
                QCOMPARE(r.sequenceStoreId, m_store);
            }
            options.nextToken = page->nextToken;
            ++pages;
        } while (!options.nextToken.isEmpty() && pages < 100);
        QVERIFY(options.nextToken.isEmpty());
        QVERIFY2(all.size() > 7, qPrintable(QString::number(all.size())));
        QVERIFY(pages >= 2);

        QSet<QString> types;
        for (const ReadSetListItem& r : all)
            types.insert(r.fileType);
        // Filters: each result satisfies its filter, and the filter finds what the full list has.
        const ReadSetListItem sample = all.first();
        ReadSetFilter bySample;
        bySample.sampleId = sample.sampleId;
        const Result<OmicsPage<ReadSetListItem>> samples =
            test::awaitJob(m_api->listReadSets(m_store, bySample, {100, {}}));
        QVERIFY2(samples, qPrintable(samples.error().fullText()));
        int expected = 0;
        for (const ReadSetListItem& r : all)
            expected += r.sampleId == sample.sampleId;
        QCOMPARE(samples->items.size(), expected);
        for (const ReadSetListItem& r : samples->items)
            QCOMPARE(r.sampleId, sample.sampleId);

        ReadSetFilter byReference;
        byReference.referenceArn = m_omics.value(u"reference_arn"_s).toString();
        byReference.status = u"ACTIVE"_s;
        byReference.createdBefore = QDateTime::currentDateTimeUtc().addDays(1);
        const Result<OmicsPage<ReadSetListItem>> aligned =
            test::awaitJob(m_api->listReadSets(m_store, byReference, {100, {}}));
        QVERIFY2(aligned, qPrintable(aligned.error().fullText()));
        for (const ReadSetListItem& r : aligned->items) {
            QCOMPARE(r.referenceArn, byReference.referenceArn.value());
            QCOMPARE(r.status, u"ACTIVE"_s);
        }
        ReadSetFilter future;
        future.createdAfter = QDateTime::currentDateTimeUtc().addYears(5);
        const Result<OmicsPage<ReadSetListItem>> none = test::awaitJob(m_api->listReadSets(m_store, future));
        QVERIFY2(none, qPrintable(none.error().fullText()));
        QVERIFY(none->items.isEmpty());

        const Result<OmicsPage<ReadSetListItem>> unknown =
            test::awaitJob(m_api->listReadSets(u"9999999999"_s));
        QCOMPARE(unknown.error().serviceCode(), u"ResourceNotFoundException"_s);
        // A nextToken the service never issued.
        const Result<OmicsPage<ReadSetListItem>> badToken =
            test::awaitJob(m_api->listReadSets(m_store, {}, {5, u"not/a+token="_s}));
        QVERIFY(!badToken);
        QCOMPARE(badToken.error().kind(), ApiError::Kind::Service);
    }

    void demoReadSetMetadataAndParts()
    {
        const Result<OmicsPage<ReadSetListItem>> page =
            test::awaitJob(m_api->listReadSets(m_store, {}, {100, {}}));
        QVERIFY(page);
        QVERIFY(!page->items.isEmpty());
        const ReadSetListItem item = page->items.first();
        const Result<ReadSetMetadata> m = test::awaitJob(m_api->readSetMetadata(m_store, item.id));
        QVERIFY2(m, qPrintable(m.error().fullText()));
        QCOMPARE(m->readSet.id, item.id);
        QVERIFY(m->source1);
        const ReadSetFileInfo s1 = *m->source1;
        const QByteArray bytes = readBack(m_store, m.value(), u"SOURCE1"_s);
        QCOMPARE(bytes.size(), s1.contentLength);
        // Past the end: refused.
        const Result<QByteArray> beyond =
            test::awaitJob(m_api->readSetPart(m_store, item.id, s1.totalParts + 1, u"SOURCE1"_s));
        QVERIFY(!beyond);
        QCOMPARE(beyond.error().kind(), ApiError::Kind::Service);
        QVERIFY2(beyond.error().serviceCode() == u"RangeNotSatisfiableException" ||
                     beyond.error().serviceCode() == u"ValidationException",
                 qPrintable(beyond.error().serviceCode()));
        const Result<ReadSetMetadata> missing =
            test::awaitJob(m_api->readSetMetadata(m_store, u"0000000000"_s));
        QCOMPARE(missing.error().serviceCode(), u"ResourceNotFoundException"_s);
    }

    void ubamUploadLifeCycle()
    {
        CreateUploadInput in;
        in.sourceFileType = u"UBAM"_s;
        in.subjectId = u"NA12878"_s;
        in.sampleId = u"NA12878_S1"_s;
        in.name = u"client-ubam-lifecycle"_s;
        in.description = u"three parts, no reference"_s;
        in.tags = {{u"run"_s, u"tst_omicsapi"_s}};
        const Result<ReadSetUpload> upload = test::awaitJob(m_api->createUpload(m_store, in));
        QVERIFY2(upload, qPrintable(upload.error().fullText()));
        QCOMPARE(upload->sourceFileType, u"UBAM"_s);
        QCOMPARE(upload->sequenceStoreId, m_store);
        const QString id = upload->uploadId;
        QVERIFY(uploadIds(m_store).contains(id));

        const QList<QByteArray> parts = {ubamHead() + randomBytes(150000, 1), randomBytes(150000, 2),
                                         randomBytes(7001, 3)};
        QList<CompletedPart> completed;
        for (int i = 0; i < parts.size(); ++i) {
            const Result<UploadedPart> sent =
                test::awaitJob(m_api->uploadPart(m_store, id, u"SOURCE1"_s, i + 1, parts[i]));
            QVERIFY2(sent, qPrintable(sent.error().fullText()));
            completed.append({u"SOURCE1"_s, i + 1, sent->checksum});
        }
        const Result<OmicsPage<ReadSetUploadPart>> listed =
            test::awaitJob(m_api->listUploadParts(m_store, id, u"SOURCE1"_s));
        QVERIFY2(listed, qPrintable(listed.error().fullText()));
        QCOMPARE(listed->items.size(), 3);
        for (const ReadSetUploadPart& p : listed->items) {
            QCOMPARE(p.partSource, u"SOURCE1"_s);
            QCOMPARE(p.partSize, qint64(parts[p.partNumber - 1].size()));
            QCOMPARE(p.checksum, completed[p.partNumber - 1].checksum);
        }
        // A wrong checksum is refused at Complete, and the upload stays.
        QList<CompletedPart> wrong = completed;
        wrong[1].checksum = u"AAAA"_s;
        const Result<CompletedUpload> refused = test::awaitJob(m_api->completeUpload(m_store, id, wrong));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind(), ApiError::Kind::Service);

        const Result<CompletedUpload> done = test::awaitJob(m_api->completeUpload(m_store, id, completed));
        QVERIFY2(done, qPrintable(done.error().fullText()));
        QVERIFY(!uploadIds(m_store).contains(id));
        const ReadSetMetadata m = waitUntilSettled(m_store, done->readSetId);
        QVERIFY2(m.readSet.status == u"ACTIVE",
                 qPrintable(m.readSet.status + u": "_s + m.readSet.statusMessage));
        QCOMPARE(m.readSet.fileType, u"UBAM"_s);
        QCOMPARE(m.readSet.name, in.name);
        QVERIFY(m.readSet.referenceArn.isEmpty());
        QVERIFY(m.source1);
        QCOMPARE(m.source1->contentLength, qint64(parts[0].size() + parts[1].size() + parts[2].size()));
        QCOMPARE(readBack(m_store, m, u"SOURCE1"_s), parts[0] + parts[1] + parts[2]);
    }

    void bytesThatAreNotTheTypeFailTheReadSet()
    {
        CreateUploadInput in{u"UBAM"_s, u"NA12878"_s, u"NA12878_bad"_s, u"client-not-a-bam"_s, {}, {}, {}, {},
                             {}};
        const Result<ReadSetUpload> upload = test::awaitJob(m_api->createUpload(m_store, in));
        QVERIFY2(upload, qPrintable(upload.error().fullText()));
        const Result<UploadedPart> sent = test::awaitJob(
            m_api->uploadPart(m_store, upload->uploadId, u"SOURCE1"_s, 1, randomBytes(5000, 9)));
        QVERIFY2(sent, qPrintable(sent.error().fullText()));
        const Result<CompletedUpload> done = test::awaitJob(
            m_api->completeUpload(m_store, upload->uploadId, {{u"SOURCE1"_s, 1, sent->checksum}}));
        QVERIFY2(done, qPrintable(done.error().fullText()));
        const ReadSetMetadata m = waitUntilSettled(m_store, done->readSetId);
        QCOMPARE(m.readSet.status, u"UPLOAD_FAILED"_s);
        QVERIFY(!m.readSet.statusMessage.isEmpty());
    }

    void pairedFastqAndAbort()
    {
        CreateUploadInput in{u"FASTQ"_s, u"NA12891"_s, u"NA12891_L001"_s, u"client-paired"_s, {}, {}, {}, {},
                             {}};
        const Result<ReadSetUpload> upload = test::awaitJob(m_api->createUpload(m_store, in));
        QVERIFY2(upload, qPrintable(upload.error().fullText()));
        const QByteArray r1 = "@r1/1\nACGTACGT\n+\nIIIIIIII\n@r2/1\nTTTTGGGG\n+\nIIIIIIII\n";
        const QByteArray r2 = "@r1/2\nTGCATGCA\n+\nIIIIIIII\n@r2/2\nCCCCAAAA\n+\nIIIIIIII\n";
        QList<CompletedPart> parts;
        for (const auto& [source, data] : {std::pair{u"SOURCE1"_s, r1}, std::pair{u"SOURCE2"_s, r2}}) {
            const Result<UploadedPart> sent =
                test::awaitJob(m_api->uploadPart(m_store, upload->uploadId, source, 1, data));
            QVERIFY2(sent, qPrintable(sent.error().fullText()));
            parts.append({source, 1, sent->checksum});
        }
        const Result<CompletedUpload> done =
            test::awaitJob(m_api->completeUpload(m_store, upload->uploadId, parts));
        QVERIFY2(done, qPrintable(done.error().fullText()));
        const ReadSetMetadata m = waitUntilSettled(m_store, done->readSetId);
        QCOMPARE(m.readSet.status, u"ACTIVE"_s);
        QVERIFY(m.source2);
        QCOMPARE(readBack(m_store, m, u"SOURCE1"_s), r1);
        QCOMPARE(readBack(m_store, m, u"SOURCE2"_s), r2);

        // Abort: the upload disappears, and its parts can no longer be sent.
        const Result<ReadSetUpload> doomed = test::awaitJob(m_api->createUpload(m_store, in));
        QVERIFY(doomed);
        QVERIFY(test::awaitJob(m_api->uploadPart(m_store, doomed->uploadId, u"SOURCE1"_s, 1, r1)));
        const Result<Done> aborted = test::awaitJob(m_api->abortUpload(m_store, doomed->uploadId));
        QVERIFY2(aborted, qPrintable(aborted.error().fullText()));
        QVERIFY(!uploadIds(m_store).contains(doomed->uploadId));
        const Result<UploadedPart> late =
            test::awaitJob(m_api->uploadPart(m_store, doomed->uploadId, u"SOURCE1"_s, 2, r1));
        QVERIFY(!late);
        QCOMPARE(late.error().kind(), ApiError::Kind::Service);
    }

    void importJobs()
    {
        StartImportInput input;
        input.roleArn = m_omics.value(u"import_role_arn"_s).toString();
        const QJsonArray sources = m_omics.value(u"s3_sources"_s).toArray();
        for (const QJsonValue& value : sources) {
            const QJsonObject s = value.toObject();
            ImportSourceInput source;
            source.source1 = s.value(u"uri"_s).toString();
            source.sourceFileType = s.value(u"file_type"_s).toString();
            source.subjectId = u"NA24385"_s;
            source.sampleId = u"NA24385_import"_s;
            source.name = u"imported "_s + source.sourceFileType;
            if (source.sourceFileType == u"BAM" || source.sourceFileType == u"CRAM")
                source.referenceArn = m_omics.value(u"reference_arn"_s).toString();
            input.sources.append(source);
        }
        QVERIFY(!input.sources.isEmpty());
        const Result<ImportJobSummary> started = test::awaitJob(m_api->startImportJob(m_store, input));
        QVERIFY2(started, qPrintable(started.error().fullText()));
        QCOMPARE(started->roleArn, input.roleArn);

        StartImportInput missing = input;
        missing.sources = {input.sources.first()};
        missing.sources.first().source1 =
            u"s3://"_s + input.sources.first().source1.section(u'/', 2, 2) + u"/no/such/object.fastq.gz"_s;
        const Result<ImportJobSummary> failing = test::awaitJob(m_api->startImportJob(m_store, missing));
        QVERIFY2(failing, qPrintable(failing.error().fullText()));

        const auto settle = [&](const QString& jobId) {
            ImportJob last;
            (void)QTest::qWaitFor(
                [&] {
                    const Result<ImportJob> job = test::awaitJob(m_api->importJob(m_store, jobId));
                    if (!job)
                        return false;
                    last = job.value();
                    if (ImportJobStatus::isTerminal(last.summary.status))
                        return true;
                    QTest::qWait(200);
                    return false;
                },
                test::kOmicsWaitMs);
            return last;
        };
        const ImportJob completed = settle(started->id);
        QCOMPARE(completed.summary.status, u"COMPLETED"_s);
        QCOMPARE(completed.sources.size(), input.sources.size());
        for (const ImportJobSource& s : completed.sources) {
            QCOMPARE(s.status, u"FINISHED"_s);
            QVERIFY(!s.readSetId.isEmpty());
        }
        const ImportJob failed = settle(failing->id);
        QCOMPARE(failed.summary.status, u"FAILED"_s);
        QCOMPARE(failed.sources.size(), 1);
        QCOMPARE(failed.sources.first().status, u"FAILED"_s);
        QVERIFY(!failed.sources.first().statusMessage.isEmpty());

        const Result<OmicsPage<ImportJobSummary>> listed = test::awaitJob(m_api->listImportJobs(m_store));
        QVERIFY2(listed, qPrintable(listed.error().fullText()));
        QStringList ids;
        for (const ImportJobSummary& j : listed->items)
            ids.append(j.id);
        QVERIFY(ids.contains(started->id));
        QVERIFY(ids.contains(failing->id));
        const Result<OmicsPage<ImportJobSummary>> onlyFailed =
            test::awaitJob(m_api->listImportJobs(m_store, ImportJobFilter{u"FAILED"_s, {}, {}}));
        QVERIFY(onlyFailed);
        for (const ImportJobSummary& j : onlyFailed->items)
            QCOMPARE(j.status, u"FAILED"_s);
        QCOMPARE(test::awaitJob(m_api->importJob(m_store, u"1111111111"_s)).error().serviceCode(),
                 u"ResourceNotFoundException"_s);
    }

    void serverSideValidation()
    {
        // What the client cannot check alone: a reference that the store does not know is
        // still sent; the service decides. Here: a maxResults the client allows, a filter the
        // service must accept, and the emulator's own refusal of an unknown upload.
        const Result<OmicsPage<ReadSetUploadPart>> parts =
            test::awaitJob(m_api->listUploadParts(m_store, u"1231231231"_s, u"SOURCE1"_s));
        QVERIFY(!parts);
        QCOMPARE(parts.error().kind(), ApiError::Kind::Service);
        QVERIFY(parts.error().httpStatus() >= 400 && parts.error().httpStatus() < 500);
    }

    void pacingKeepsPartsUnderTheQuota()
    {
        CreateUploadInput in{u"UBAM"_s, u"NA12878"_s, u"NA12878_pace"_s, u"client-paced"_s, {}, {}, {}, {},
                             {}};
        const Result<ReadSetUpload> upload = test::awaitJob(m_api->createUpload(m_store, in));
        QVERIFY2(upload, qPrintable(upload.error().fullText()));
        // Twelve parts at once, retries off: a single ThrottlingException would fail one.
        m_connection->setMaxAttempts(1);
        QList<Job<UploadedPart>*> jobs;
        int finished = 0;
        QList<Result<UploadedPart>> results;
        for (int i = 1; i <= 12; ++i) {
            auto* job =
                m_api->uploadPart(m_store, upload->uploadId, u"SOURCE1"_s, i, randomBytes(4096, quint32(i)));
            job->run(this, [&](const Result<UploadedPart>& r) {
                results.append(r);
                ++finished;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 12, test::kOmicsWaitMs);
        m_connection->setMaxAttempts(3);
        for (const Result<UploadedPart>& r : results)
            QVERIFY2(r, qPrintable(r.error().fullText()));
        QVERIFY(test::awaitJob(m_api->abortUpload(m_store, upload->uploadId)));
    }

    void withoutPacingTheQuotaBites()
    {
        // The contrast: the same kind of burst with the pacer off meets ThrottlingException,
        // which is what the pacer above prevents (the emulator's quotas are real).
        OmicsConnection* raw = connect(m_omics);
        QVERIFY(raw);
        raw->pacer()->setEnabled(false);
        raw->setMaxAttempts(1);
        OmicsApi api(raw);
        int finished = 0;
        QList<Result<SequenceStore>> results;
        for (int i = 0; i < 20; ++i) {
            api.sequenceStore(m_store)->run(this, [&](const Result<SequenceStore>& r) {
                results.append(r);
                ++finished;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 20, test::kOmicsWaitMs);
        int throttled = 0;
        for (const Result<SequenceStore>& r : results) {
            if (!r) {
                QCOMPARE(r.error().serviceCode(), u"ThrottlingException"_s);
                QCOMPARE(r.error().httpStatus(), 429);
                QVERIFY(r.error().message().contains(u"limiting the request rate"_s));
                ++throttled;
            }
        }
        QVERIFY2(throttled > 0, "20 GetSequenceStore calls at once against a 5 TPS quota were all admitted");
        // Waited out, the quota admits again; with retries on, a throttled call recovers.
        raw->setMaxAttempts(3);
        QTest::qWait(1500);
        QVERIFY(test::awaitJob(api.sequenceStore(m_store)));
    }

    void retriesUnderInjectedFaults()
    {
        test::SandboxProcess faulty;
        QVERIFY2(faulty.start({u"--omics-faults"_s, u"error-rate=0.3,drop-rate=0.15"_s, u"--omics-quotas"_s,
                               u"off"_s}),
                 qPrintable(faulty.errorOutput()));
        const QJsonObject omics = faulty.description().value(u"omics"_s).toObject();
        OmicsConnection* connection = connect(omics);
        QVERIFY(connection);
        OmicsApi api(connection);
        const QString store =
            omics.value(u"sequence_stores"_s).toArray().at(0).toObject().value(u"id"_s).toString();
        int calls = 0;
        int attempts = 0;
        int successes = 0;
        const auto record = [&](const ApiError& error, int n) {
            ++calls;
            attempts += n;
            QVERIFY(n >= 1 && n <= 3);
            if (!error) {
                ++successes;
                return;
            }
            // Only the retryable faults, and only after every attempt was spent.
            QCOMPARE(n, 3);
            QVERIFY2(error.kind() == ApiError::Kind::Transport || error.kind() == ApiError::Kind::Service,
                     qPrintable(error.fullText()));
            if (error.kind() == ApiError::Kind::Service)
                QVERIFY(error.httpStatus() >= 500);
        };
        for (int i = 0; i < 8; ++i) {
            const auto [store1, n1] = awaitWithAttempts(api.sequenceStore(store));
            record(store1.error(), n1);
            const auto [page, n2] = awaitWithAttempts(api.listReadSets(store, {}, {3, {}}));
            record(page.error(), n2);
        }
        qInfo("%d calls, %d attempts, %d succeeded", calls, attempts, successes);
        QVERIFY2(attempts > calls, "no attempt was retried at a 45% fault rate");
        QVERIFY(successes > calls / 2);
    }

    void badSecretAndUnknownKey()
    {
        OmicsConnection* wrongSecret = connect(m_omics, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s);
        QVERIFY(wrongSecret);
        const Result<SequenceStore> r = test::awaitJob(OmicsApi(wrongSecret).sequenceStore(m_store));
        QVERIFY(!r);
        QCOMPARE(r.error().serviceCode(), u"InvalidSignatureException"_s);
        QCOMPARE(r.error().httpStatus(), 403);
        QVERIFY2(r.error().message().contains(u"check the secret access key"_s),
                 qPrintable(r.error().message()));
        // Nothing secret in what a log would show.
        QVERIFY(!r.error().fullText().contains(u"wJalrXUtnFEMI"_s));
        QVERIFY(!r.error().fullText().contains(m_omics.value(u"secret_access_key"_s).toString()));

        QJsonObject unknown = m_omics;
        unknown[u"access_key_id"_s] = u"AKIAUNKNOWNKEY000000"_s;
        OmicsConnection* stranger = connect(unknown);
        QVERIFY(stranger);
        const Result<SequenceStore> u = test::awaitJob(OmicsApi(stranger).sequenceStore(m_store));
        QVERIFY(!u);
        QCOMPARE(u.error().serviceCode(), u"UnrecognizedClientException"_s);
        QVERIFY(u.error().message().contains(u"access key ID"_s));
    }
};

QTEST_GUILESS_MAIN(TestOmicsApi)
#include "tst_omicsapi.moc"
