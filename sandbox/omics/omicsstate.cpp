#include "omicsstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

constexpr int kStateVersion = 1;
// Sandbox convention: a clientToken is remembered for 8 hours (the service documents no window).
constexpr Micros kTokenLifetime = 8LL * 3600 * 1000000;

const char16_t* slotName(int slot)
{
    return slot == 0 ? u"source1" : slot == 1 ? u"source2" : u"index";
}

} // namespace

qint64 ReadSetRecord::size(FileSlot slot) const
{
    qint64 total = 0;
    for (const OssObjectSegment& s : files[int(slot)])
        total += s.size;
    return total;
}

QString ImportJobRecord::status(Micros now) const
{
    if (now < startsAt)
        return u"SUBMITTED"_s;
    if (now < completesAt)
        return u"IN_PROGRESS"_s;
    qsizetype failed = 0;
    for (const ImportSourceRecord& s : sources)
        failed += s.failure.isEmpty() ? 0 : 1;
    return failed == 0                ? u"COMPLETED"_s
           : failed == sources.size() ? u"FAILED"_s
                                      : u"COMPLETED_WITH_FAILURES"_s;
}

QString ImportJobRecord::sourceStatus(const ImportSourceRecord& s, Micros now) const
{
    if (now < startsAt)
        return u"NOT_STARTED"_s;
    if (now < completesAt)
        return u"IN_PROGRESS"_s;
    return s.failure.isEmpty() ? u"FINISHED"_s : u"FAILED"_s;
}

OmicsState::OmicsState(OmicsDemo demo, QString directory, qint64 processingMs)
    : m_demo(std::move(demo)), m_dir(std::move(directory)), m_processingMs(processingMs)
{
}

QString OmicsState::sourcePath(const DemoSource& source) const
{
    return m_dir + u"/s3/"_s + QString(source.key).replace(u'/', u'_');
}

QString OmicsState::uploadDirectory(const QString& uploadId) const
{
    return m_dir + u"/uploads/"_s + uploadId;
}

QString OmicsState::temporaryPath()
{
    return m_dir + u"/tmp/part-%1-%2"_s.arg(nowMicros()).arg(++m_temporaryCounter);
}

bool OmicsState::open(QString* error)
{
    QDir().mkpath(m_dir + u"/tmp"_s);
    QDir(m_dir + u"/tmp"_s).removeRecursively(); // bodies of requests cut by the last stop
    QDir().mkpath(m_dir + u"/tmp"_s);
    QFile file(m_dir + u"/state.json"_s);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        // Sandbox convention: the state belongs to one --seed; another seed starts over, as the
        // demo stores (and their ids) differ.
        if (o.value(u"version"_s).toInt() == kStateVersion &&
            o.value(u"seed"_s).toString() == QString::number(m_demo.seed)) {
            load(o);
            return true;
        }
        QDir(m_dir + u"/readsets"_s).removeRecursively();
        QDir(m_dir + u"/uploads"_s).removeRecursively();
    }
    return writeDemo(error);
}

bool OmicsState::writeDemo(QString* error)
{
    QDir().mkpath(m_dir + u"/demo"_s);
    QDir().mkpath(m_dir + u"/s3"_s);
    const auto write = [error](const QString& path, const QByteArray& bytes) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
            *error = u"cannot write %1"_s.arg(path);
            return false;
        }
        return true;
    };
    m_readSets.clear();
    for (const DemoReadSet& d : m_demo.readSets) {
        ReadSetRecord r;
        r.id = d.id;
        r.storeId = d.storeId;
        r.name = d.name;
        r.description = d.description;
        r.subjectId = d.subjectId;
        r.sampleId = d.sampleId;
        r.generatedFrom = d.generatedFrom;
        r.referenceArn = d.referenceArn;
        r.fileType = d.fileType;
        r.created = d.created;
        r.readyAt = d.created;
        const int sources = d.paired ? 2 : 1;
        r.readCount = qint64(d.reads) * sources;
        r.baseCount = r.readCount * (d.fileType == u"FASTQ" ? 150 : 100);
        for (int s = 1; s <= sources; ++s) {
            const QString path = m_dir + u"/demo/%1.%2"_s.arg(d.id).arg(s);
            const QByteArray bytes = m_demo.readSetBytes(d, s);
            if (!write(path, bytes))
                return false;
            r.files[s - 1].append({path, bytes.size()});
        }
        m_readSets.append(r);
    }
    for (const DemoSource& s : m_demo.sources) {
        if (!write(sourcePath(s), m_demo.sourceBytes(s)))
            return false;
    }
    m_nextId = 5000000000LL + qint64(m_demo.seed % 100000) * 10000;
    if (!save()) {
        *error = u"cannot write %1/state.json"_s.arg(m_dir);
        return false;
    }
    return true;
}

QString OmicsState::newId()
{
    return QString::number(++m_nextId);
}

const DemoStore* OmicsState::store(const QString& id) const
{
    for (const DemoStore& s : m_demo.stores) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

ReadSetRecord* OmicsState::readSet(const QString& storeId, const QString& id)
{
    for (ReadSetRecord& r : m_readSets) {
        if (r.id == id && r.storeId == storeId)
            return &r;
    }
    return nullptr;
}

UploadRecord* OmicsState::upload(const QString& storeId, const QString& id)
{
    const auto it = m_uploads.find(id);
    return it != m_uploads.end() && it->storeId == storeId ? &*it : nullptr;
}

void OmicsState::advance(Micros now)
{
    bool changed = false;
    for (ImportJobRecord& job : m_jobs) {
        if (job.materialized || now < job.completesAt)
            continue;
        for (ImportSourceRecord& s : job.sources) {
            if (!s.failure.isEmpty())
                continue;
            ReadSetRecord r;
            r.id = newId();
            r.storeId = job.storeId;
            r.name = s.name.isEmpty() ? s.sampleId : s.name;
            r.description = s.description;
            r.subjectId = s.subjectId;
            r.sampleId = s.sampleId;
            r.generatedFrom = s.generatedFrom;
            r.referenceArn = s.referenceArn;
            r.fileType = s.fileType;
            r.creationType = u"IMPORT"_s;
            r.creationJobId = job.id;
            r.created = job.completesAt;
            r.readyAt = job.completesAt;
            for (const DemoSource& d : m_demo.sources) {
                if (d.uri == s.source1)
                    r.files[0].append({sourcePath(d), QFileInfo(sourcePath(d)).size()});
                if (!s.source2.isEmpty() && d.uri == s.source2)
                    r.files[1].append({sourcePath(d), QFileInfo(sourcePath(d)).size()});
            }
            s.readSetId = r.id;
            m_readSets.append(r);
        }
        job.materialized = true;
        changed = true;
    }
    if (changed)
        save();
}

void OmicsState::scanParts(UploadRecord& upload)
{
    upload.parts.clear();
    const QDir dir(uploadDirectory(upload.id));
    for (const QFileInfo& f : dir.entryInfoList(QDir::Files)) {
        const QStringList p = f.fileName().split(u'.');
        if (p.size() != 4 || (p[0] != u"SOURCE1" && p[0] != u"SOURCE2"))
            continue;
        upload.parts.append({p[0], p[1].toInt(), f.size(), p[3], f.absoluteFilePath(), p[2].toLongLong()});
    }
}

bool OmicsState::commitPart(UploadRecord& upload, PartRecord part, const QString& receivedFile)
{
    const QString dir = uploadDirectory(upload.id);
    QDir().mkpath(dir);
    part.path = dir + u"/%1.%2.%3.%4"_s.arg(part.source)
                          .arg(part.number, 5, 10, QChar(u'0'))
                          .arg(part.created)
                          .arg(part.checksum);
    for (qsizetype i = 0; i < upload.parts.size(); ++i) {
        if (upload.parts[i].source == part.source && upload.parts[i].number == part.number) {
            QFile::remove(upload.parts[i].path); // an upload of an existing part number replaces it
            upload.parts.removeAt(i);
            break;
        }
    }
    if (!QFile::rename(receivedFile, part.path))
        return false;
    upload.parts.append(part);
    return true;
}

ReadSetRecord OmicsState::completeUpload(const QString& uploadId, const QString& readSetId, Micros now)
{
    UploadRecord upload = m_uploads.take(uploadId);
    ReadSetRecord r;
    r.id = readSetId;
    r.storeId = upload.storeId;
    r.name = upload.name;
    r.description = upload.description;
    r.subjectId = upload.subjectId;
    r.sampleId = upload.sampleId;
    r.generatedFrom = upload.generatedFrom;
    r.referenceArn = upload.referenceArn;
    r.fileType = upload.fileType;
    r.created = now;
    r.readyAt = now + processingMicros();
    std::sort(upload.parts.begin(), upload.parts.end(), [](const PartRecord& a, const PartRecord& b) {
        return std::pair(a.source, a.number) < std::pair(b.source, b.number);
    });
    const QString dir = m_dir + u"/readsets/"_s + readSetId;
    QDir().mkpath(dir);
    for (const PartRecord& p : std::as_const(upload.parts)) {
        const QString path = dir + u"/%1.%2"_s.arg(p.source).arg(p.number, 5, 10, QChar(u'0'));
        QFile::rename(p.path, path);
        r.files[p.source == u"SOURCE2" ? 1 : 0].append({path, p.size});
    }
    QDir(uploadDirectory(uploadId)).removeRecursively();
    m_readSets.append(r);
    return r;
}

void OmicsState::abortUpload(const QString& uploadId)
{
    m_uploads.remove(uploadId);
    QDir(uploadDirectory(uploadId)).removeRecursively();
}

std::optional<OmicsState::TokenUse> OmicsState::tokenUse(const QString& key, Micros now) const
{
    const auto it = m_tokens.find(key);
    if (it == m_tokens.end() || now - it->at > kTokenLifetime)
        return std::nullopt;
    return *it;
}

void OmicsState::rememberToken(const QString& key, const TokenUse& use)
{
    m_tokens.insert(key, use);
}

bool OmicsState::save()
{
    const auto relative = [this](const QString& path) { return QDir(m_dir).relativeFilePath(path); };
    QJsonArray readSets;
    for (const ReadSetRecord& r : std::as_const(m_readSets)) {
        QJsonObject files;
        for (int slot = 0; slot < 3; ++slot) {
            QJsonArray segments;
            for (const OssObjectSegment& s : r.files[slot])
                segments.append(QJsonObject{{u"path"_s, relative(s.path)}, {u"size"_s, double(s.size)}});
            if (!segments.isEmpty())
                files.insert(QString::fromUtf16(slotName(slot)), segments);
        }
        readSets.append(QJsonObject{{u"id"_s, r.id},
                                    {u"storeId"_s, r.storeId},
                                    {u"name"_s, r.name},
                                    {u"description"_s, r.description},
                                    {u"subjectId"_s, r.subjectId},
                                    {u"sampleId"_s, r.sampleId},
                                    {u"generatedFrom"_s, r.generatedFrom},
                                    {u"referenceArn"_s, r.referenceArn},
                                    {u"fileType"_s, r.fileType},
                                    {u"creationType"_s, r.creationType},
                                    {u"creationJobId"_s, r.creationJobId},
                                    {u"finalStatus"_s, r.finalStatus},
                                    {u"statusMessage"_s, r.statusMessage},
                                    {u"created"_s, QString::number(r.created)},
                                    {u"readyAt"_s, QString::number(r.readyAt)},
                                    {u"readCount"_s, double(r.readCount)},
                                    {u"baseCount"_s, double(r.baseCount)},
                                    {u"files"_s, files}});
    }
    QJsonArray uploads;
    for (const UploadRecord& u : std::as_const(m_uploads)) {
        uploads.append(QJsonObject{{u"id"_s, u.id},
                                   {u"storeId"_s, u.storeId},
                                   {u"fileType"_s, u.fileType},
                                   {u"subjectId"_s, u.subjectId},
                                   {u"sampleId"_s, u.sampleId},
                                   {u"generatedFrom"_s, u.generatedFrom},
                                   {u"referenceArn"_s, u.referenceArn},
                                   {u"name"_s, u.name},
                                   {u"description"_s, u.description},
                                   {u"tags"_s, u.tags},
                                   {u"created"_s, QString::number(u.created)}});
    }
    QJsonArray jobs;
    for (const ImportJobRecord& j : std::as_const(m_jobs)) {
        QJsonArray sources;
        for (const ImportSourceRecord& s : j.sources) {
            sources.append(QJsonObject{{u"source1"_s, s.source1},
                                       {u"source2"_s, s.source2},
                                       {u"fileType"_s, s.fileType},
                                       {u"subjectId"_s, s.subjectId},
                                       {u"sampleId"_s, s.sampleId},
                                       {u"generatedFrom"_s, s.generatedFrom},
                                       {u"referenceArn"_s, s.referenceArn},
                                       {u"name"_s, s.name},
                                       {u"description"_s, s.description},
                                       {u"tags"_s, s.tags},
                                       {u"failure"_s, s.failure},
                                       {u"readSetId"_s, s.readSetId}});
        }
        jobs.append(QJsonObject{{u"id"_s, j.id},
                                {u"storeId"_s, j.storeId},
                                {u"roleArn"_s, j.roleArn},
                                {u"created"_s, QString::number(j.created)},
                                {u"startsAt"_s, QString::number(j.startsAt)},
                                {u"completesAt"_s, QString::number(j.completesAt)},
                                {u"materialized"_s, j.materialized},
                                {u"sources"_s, sources}});
    }
    QJsonObject tokens;
    for (auto it = m_tokens.cbegin(); it != m_tokens.cend(); ++it) {
        tokens.insert(it.key(), QJsonObject{{u"fingerprint"_s, QString::fromLatin1(it->fingerprint.toHex())},
                                            {u"response"_s, it->response},
                                            {u"at"_s, QString::number(it->at)}});
    }
    const QJsonObject state{{u"version"_s, kStateVersion},
                            {u"seed"_s, QString::number(m_demo.seed)},
                            {u"nextId"_s, QString::number(m_nextId)},
                            {u"readSets"_s, readSets},
                            {u"uploads"_s, uploads},
                            {u"importJobs"_s, jobs},
                            {u"tokens"_s, tokens}};
    QSaveFile file(m_dir + u"/state.json"_s);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(state).toJson(QJsonDocument::Compact));
    return file.commit();
}

void OmicsState::load(const QJsonObject& o)
{
    const auto absolute = [this](const QString& path) { return QDir(m_dir).absoluteFilePath(path); };
    const auto micros = [](const QJsonValue& v) { return v.toString().toLongLong(); };
    m_nextId = o.value(u"nextId"_s).toString().toLongLong();
    for (const QJsonValue& v : o.value(u"readSets"_s).toArray()) {
        const QJsonObject x = v.toObject();
        ReadSetRecord r;
        r.id = x.value(u"id"_s).toString();
        r.storeId = x.value(u"storeId"_s).toString();
        r.name = x.value(u"name"_s).toString();
        r.description = x.value(u"description"_s).toString();
        r.subjectId = x.value(u"subjectId"_s).toString();
        r.sampleId = x.value(u"sampleId"_s).toString();
        r.generatedFrom = x.value(u"generatedFrom"_s).toString();
        r.referenceArn = x.value(u"referenceArn"_s).toString();
        r.fileType = x.value(u"fileType"_s).toString();
        r.creationType = x.value(u"creationType"_s).toString();
        r.creationJobId = x.value(u"creationJobId"_s).toString();
        r.finalStatus = x.value(u"finalStatus"_s).toString();
        r.statusMessage = x.value(u"statusMessage"_s).toString();
        r.created = micros(x.value(u"created"_s));
        r.readyAt = micros(x.value(u"readyAt"_s));
        r.readCount = qint64(x.value(u"readCount"_s).toDouble());
        r.baseCount = qint64(x.value(u"baseCount"_s).toDouble());
        const QJsonObject files = x.value(u"files"_s).toObject();
        for (int slot = 0; slot < 3; ++slot) {
            for (const QJsonValue& s : files.value(QString::fromUtf16(slotName(slot))).toArray())
                r.files[slot].append({absolute(s[u"path"_s].toString()), qint64(s[u"size"_s].toDouble())});
        }
        m_readSets.append(r);
    }
    for (const QJsonValue& v : o.value(u"uploads"_s).toArray()) {
        const QJsonObject x = v.toObject();
        UploadRecord u;
        u.id = x.value(u"id"_s).toString();
        u.storeId = x.value(u"storeId"_s).toString();
        u.fileType = x.value(u"fileType"_s).toString();
        u.subjectId = x.value(u"subjectId"_s).toString();
        u.sampleId = x.value(u"sampleId"_s).toString();
        u.generatedFrom = x.value(u"generatedFrom"_s).toString();
        u.referenceArn = x.value(u"referenceArn"_s).toString();
        u.name = x.value(u"name"_s).toString();
        u.description = x.value(u"description"_s).toString();
        u.tags = x.value(u"tags"_s).toObject();
        u.created = micros(x.value(u"created"_s));
        scanParts(u);
        m_uploads.insert(u.id, u);
    }
    for (const QJsonValue& v : o.value(u"importJobs"_s).toArray()) {
        const QJsonObject x = v.toObject();
        ImportJobRecord j;
        j.id = x.value(u"id"_s).toString();
        j.storeId = x.value(u"storeId"_s).toString();
        j.roleArn = x.value(u"roleArn"_s).toString();
        j.created = micros(x.value(u"created"_s));
        j.startsAt = micros(x.value(u"startsAt"_s));
        j.completesAt = micros(x.value(u"completesAt"_s));
        j.materialized = x.value(u"materialized"_s).toBool();
        for (const QJsonValue& sv : x.value(u"sources"_s).toArray()) {
            const QJsonObject s = sv.toObject();
            j.sources.append(
                {s[u"source1"_s].toString(), s[u"source2"_s].toString(), s[u"fileType"_s].toString(),
                 s[u"subjectId"_s].toString(), s[u"sampleId"_s].toString(), s[u"generatedFrom"_s].toString(),
                 s[u"referenceArn"_s].toString(), s[u"name"_s].toString(), s[u"description"_s].toString(),
                 s[u"tags"_s].toObject(), s[u"failure"_s].toString(), s[u"readSetId"_s].toString()});
        }
        m_jobs.insert(j.id, j);
    }
    const QJsonObject tokens = o.value(u"tokens"_s).toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        m_tokens.insert(it.key(), {QByteArray::fromHex(t[u"fingerprint"_s].toString().toLatin1()),
                                   t[u"response"_s].toObject(), micros(t[u"at"_s])});
    }
}

} // namespace bge::sandbox::omics
