#include "omicsvalidation.h"

#include "omicsjson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace bge::omics::Validation {

using namespace Qt::StringLiterals;

namespace {

const QStringList& fileTypes()
{
    static const QStringList v = {u"FASTQ"_s, u"BAM"_s, u"CRAM"_s, u"UBAM"_s};
    return v;
}

QString oneOf(const QString& value, const QStringList& allowed, const QString& what)
{
    if (allowed.contains(value))
        return {};
    return u"%1 must be one of %2, not “%3”"_s.arg(what, allowed.join(u", "_s), value.left(60));
}

// Model pattern [\p{L}||\p{M}||\p{Z}||\p{S}||\p{N}||\p{P}]+: printable text, no control characters.
QString text(const QString& value, const QString& what, int maxLength, bool required)
{
    if (value.isEmpty())
        return required ? u"%1 is required"_s.arg(what) : QString();
    if (value.size() > maxLength)
        return u"%1 is longer than %2 characters"_s.arg(what).arg(maxLength);
    static const QRegularExpression printable(u"^[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]+$"_s);
    if (!printable.match(value).hasMatch())
        return u"%1 contains characters that are not allowed (control characters)"_s.arg(what);
    return {};
}

QString arn(const QString& value, const QString& what, int minLength, int maxLength)
{
    if (value.size() < minLength || value.size() > maxLength || !value.startsWith(u"arn:"_s) ||
        (what == u"referenceArn"_s && value.size() < 5))
        return u"%1 must be an ARN (arn:…) of %2–%3 characters"_s.arg(what).arg(minLength).arg(maxLength);
    return {};
}

QString tags(const QMap<QString, QString>& map)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 128)
            return u"tag keys must have 1–128 characters"_s;
        if (it.value().size() > 256)
            return u"the value of tag “%1” is longer than 256 characters"_s.arg(it.key().left(40));
    }
    return {};
}

QString clientToken(const QString& value)
{
    if (value.size() > 127)
        return u"clientToken is longer than 127 characters"_s;
    return {};
}

QString s3Uri(const QString& value, const QString& what)
{
    static const QRegularExpression pattern(u"^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})$"_s);
    if (!pattern.match(value).hasMatch())
        return u"%1 must be an S3 URI (s3://bucket/key), not “%2”"_s.arg(what, value.left(80));
    return {};
}

QString timeRange(const QDateTime& after, const QDateTime& before)
{
    if (after.isValid() && before.isValid() && after > before)
        return u"createdAfter is later than createdBefore"_s;
    return {};
}

QString firstProblem(std::initializer_list<QString> problems)
{
    for (const QString& p : problems) {
        if (!p.isEmpty())
            return p;
    }
    return {};
}

void putText(QJsonObject& o, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void putTime(QJsonObject& o, const QString& key, const QDateTime& value)
{
    if (value.isValid())
        o.insert(key, formatTimestamp(value));
}

QJsonObject tagsJson(const QMap<QString, QString>& map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

const QStringList kReadSetStatuses = {u"ARCHIVED"_s, u"ACTIVATING"_s,        u"ACTIVE"_s,       u"DELETING"_s,
                                      u"DELETED"_s,  u"PROCESSING_UPLOAD"_s, u"UPLOAD_FAILED"_s};
const QStringList kStoreStatuses = {u"CREATING"_s, u"ACTIVE"_s, u"UPDATING"_s, u"DELETING"_s, u"FAILED"_s};
const QStringList kImportStatuses = {u"SUBMITTED"_s,
                                     u"IN_PROGRESS"_s,
                                     u"CANCELLING"_s,
                                     u"CANCELLED"_s,
                                     u"FAILED"_s,
                                     u"COMPLETED"_s,
                                     u"COMPLETED_WITH_FAILURES"_s};

} // namespace

QString id(const QString& value, const QString& what)
{
    static const QRegularExpression pattern(u"^[0-9]{10,36}$"_s);
    if (!pattern.match(value).hasMatch())
        return u"%1 must be 10–36 digits, not “%2”"_s.arg(what, value.left(60));
    return {};
}

QString listOptions(const ListOptions& options)
{
    if (options.maxResults && (*options.maxResults < 1 || *options.maxResults > 100))
        return u"maxResults must be between 1 and 100, not %1"_s.arg(*options.maxResults);
    if (options.nextToken.size() > 6144)
        return u"nextToken is longer than 6144 characters"_s;
    return {};
}

QString fileType(const QString& value)
{
    return oneOf(value, fileTypes(), u"the file type"_s);
}

QString partSource(const QString& value)
{
    return oneOf(value, {u"SOURCE1"_s, u"SOURCE2"_s}, u"partSource"_s);
}

QString readSetFile(const QString& value)
{
    return oneOf(value, {u"SOURCE1"_s, u"SOURCE2"_s, u"INDEX"_s}, u"the file"_s);
}

QString partNumber(int number)
{
    if (number < 1 || number > 10000)
        return u"partNumber must be between 1 and 10000, not %1"_s.arg(number);
    return {};
}

QString sequenceStoreFilter(const SequenceStoreFilter& f)
{
    return firstProblem({text(f.name, u"name"_s, 127, false),
                         f.status.isEmpty() ? QString() : oneOf(f.status, kStoreStatuses, u"status"_s),
                         timeRange(f.createdAfter, f.createdBefore)});
}

QString readSetFilter(const ReadSetFilter& f)
{
    QString reference;
    if (f.referenceArn && !f.referenceArn->isEmpty())
        reference = arn(*f.referenceArn, u"referenceArn"_s, 1, 127);
    return firstProblem(
        {text(f.name, u"name"_s, 127, false),
         f.status.isEmpty() ? QString() : oneOf(f.status, kReadSetStatuses, u"status"_s), reference,
         text(f.sampleId, u"sampleId"_s, 127, false), text(f.subjectId, u"subjectId"_s, 127, false),
         text(f.generatedFrom, u"generatedFrom"_s, 127, false),
         f.creationType.isEmpty() ? QString()
                                  : oneOf(f.creationType, {u"IMPORT"_s, u"UPLOAD"_s}, u"creationType"_s),
         timeRange(f.createdAfter, f.createdBefore)});
}

QString importJobFilter(const ImportJobFilter& f)
{
    return firstProblem({f.status.isEmpty() ? QString() : oneOf(f.status, kImportStatuses, u"status"_s),
                         timeRange(f.createdAfter, f.createdBefore)});
}

QString createUpload(const CreateUploadInput& in)
{
    // As the service and the reference transfer manager require: aligned files (BAM, CRAM)
    // need the reference they were aligned to; FASTQ and unaligned BAM have none.
    QString reference;
    if (in.referenceArn.isEmpty() && (in.sourceFileType == u"BAM" || in.sourceFileType == u"CRAM"))
        reference = u"a %1 upload needs a reference ARN (--reference); unaligned BAM is UBAM"_s.arg(
            in.sourceFileType);
    else if (!in.referenceArn.isEmpty())
        reference = arn(in.referenceArn, u"referenceArn"_s, 1, 127);
    return firstProblem({fileType(in.sourceFileType), text(in.subjectId, u"subjectId"_s, 127, true),
                         text(in.sampleId, u"sampleId"_s, 127, true), text(in.name, u"name"_s, 127, true),
                         text(in.generatedFrom, u"generatedFrom"_s, 127, false), reference,
                         text(in.description, u"description"_s, 255, false), tags(in.tags),
                         clientToken(in.clientToken)});
}

QString completedParts(const QList<CompletedPart>& parts)
{
    if (parts.isEmpty())
        return u"an upload needs at least one part to complete"_s;
    QSet<QString> seen;
    for (const CompletedPart& p : parts) {
        const QString problem = firstProblem({partSource(p.partSource), partNumber(p.partNumber)});
        if (!problem.isEmpty())
            return problem;
        if (p.checksum.isEmpty() || p.checksum.size() > 100)
            return u"part %1 of %2 has no valid checksum (1–100 characters)"_s.arg(p.partNumber)
                .arg(p.partSource);
        const QString key = p.partSource + u'/' + QString::number(p.partNumber);
        if (seen.contains(key))
            return u"part %1 of %2 is listed twice"_s.arg(p.partNumber).arg(p.partSource);
        seen.insert(key);
    }
    return {};
}

QString startImport(const StartImportInput& in)
{
    if (in.sources.isEmpty() || in.sources.size() > 100)
        return u"an import job takes 1–100 sources, not %1"_s.arg(in.sources.size());
    const QString role = arn(in.roleArn, u"roleArn"_s, 20, 2048);
    if (!role.isEmpty())
        return role;
    if (const QString token = clientToken(in.clientToken); !token.isEmpty())
        return token;
    for (qsizetype i = 0; i < in.sources.size(); ++i) {
        const ImportSourceInput& s = in.sources.at(i);
        QString reference;
        if (s.referenceArn.isEmpty() && (s.sourceFileType == u"BAM" || s.sourceFileType == u"CRAM"))
            reference = u"a %1 source needs a reference ARN"_s.arg(s.sourceFileType);
        else if (!s.referenceArn.isEmpty())
            reference = arn(s.referenceArn, u"referenceArn"_s, 1, 127);
        const QString problem = firstProblem(
            {s3Uri(s.source1, u"source1"_s), s.source2.isEmpty() ? QString() : s3Uri(s.source2, u"source2"_s),
             fileType(s.sourceFileType), text(s.subjectId, u"subjectId"_s, 127, true),
             text(s.sampleId, u"sampleId"_s, 127, true),
             text(s.generatedFrom, u"generatedFrom"_s, 127, false), reference,
             text(s.name, u"name"_s, 127, false), text(s.description, u"description"_s, 255, false),
             tags(s.tags)});
        if (!problem.isEmpty())
            return u"source %1: %2"_s.arg(i + 1).arg(problem);
    }
    return {};
}

QJsonObject sequenceStoreFilterJson(const SequenceStoreFilter& f)
{
    QJsonObject o;
    putText(o, u"name"_s, f.name);
    putText(o, u"status"_s, f.status);
    putTime(o, u"createdAfter"_s, f.createdAfter);
    putTime(o, u"createdBefore"_s, f.createdBefore);
    putTime(o, u"updatedAfter"_s, f.updatedAfter);
    putTime(o, u"updatedBefore"_s, f.updatedBefore);
    return o;
}

QJsonObject readSetFilterJson(const ReadSetFilter& f)
{
    QJsonObject o;
    putText(o, u"name"_s, f.name);
    putText(o, u"status"_s, f.status);
    if (f.referenceArn)
        o.insert(u"referenceArn"_s, *f.referenceArn);
    putTime(o, u"createdAfter"_s, f.createdAfter);
    putTime(o, u"createdBefore"_s, f.createdBefore);
    putText(o, u"sampleId"_s, f.sampleId);
    putText(o, u"subjectId"_s, f.subjectId);
    putText(o, u"generatedFrom"_s, f.generatedFrom);
    putText(o, u"creationType"_s, f.creationType);
    return o;
}

QJsonObject importJobFilterJson(const ImportJobFilter& f)
{
    QJsonObject o;
    putText(o, u"status"_s, f.status);
    putTime(o, u"createdAfter"_s, f.createdAfter);
    putTime(o, u"createdBefore"_s, f.createdBefore);
    return o;
}

QJsonObject uploadPartsFilterJson(const UploadPartsFilter& f)
{
    QJsonObject o;
    putTime(o, u"createdAfter"_s, f.createdAfter);
    putTime(o, u"createdBefore"_s, f.createdBefore);
    return o;
}

QJsonObject createUploadJson(const CreateUploadInput& in)
{
    QJsonObject o;
    o.insert(u"clientToken"_s, in.clientToken);
    o.insert(u"sourceFileType"_s, in.sourceFileType);
    o.insert(u"subjectId"_s, in.subjectId);
    o.insert(u"sampleId"_s, in.sampleId);
    o.insert(u"name"_s, in.name);
    putText(o, u"generatedFrom"_s, in.generatedFrom);
    putText(o, u"referenceArn"_s, in.referenceArn);
    putText(o, u"description"_s, in.description);
    if (!in.tags.isEmpty())
        o.insert(u"tags"_s, tagsJson(in.tags));
    return o;
}

QJsonObject completedPartsJson(const QList<CompletedPart>& parts)
{
    QJsonArray array;
    for (const CompletedPart& p : parts)
        array.append(QJsonObject{
            {u"partNumber"_s, p.partNumber}, {u"partSource"_s, p.partSource}, {u"checksum"_s, p.checksum}});
    return QJsonObject{{u"parts"_s, array}};
}

QJsonObject startImportJson(const StartImportInput& in)
{
    QJsonArray sources;
    for (const ImportSourceInput& s : in.sources) {
        QJsonObject files{{u"source1"_s, s.source1}};
        putText(files, u"source2"_s, s.source2);
        QJsonObject o{{u"sourceFiles"_s, files},
                      {u"sourceFileType"_s, s.sourceFileType},
                      {u"subjectId"_s, s.subjectId},
                      {u"sampleId"_s, s.sampleId}};
        putText(o, u"generatedFrom"_s, s.generatedFrom);
        putText(o, u"referenceArn"_s, s.referenceArn);
        putText(o, u"name"_s, s.name);
        putText(o, u"description"_s, s.description);
        if (!s.tags.isEmpty())
            o.insert(u"tags"_s, tagsJson(s.tags));
        sources.append(o);
    }
    return QJsonObject{
        {u"roleArn"_s, in.roleArn}, {u"clientToken"_s, in.clientToken}, {u"sources"_s, sources}};
}

} // namespace bge::omics::Validation
