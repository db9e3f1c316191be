#include "importsourcecheck.h"

#include "seqformat/readsetfiletype.h"
#include "seqformat/uploadcheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::ImportSourceCheck)
};

QString textProblem(const QString& value, const QString& label, int maxLength, bool required)
{
    if (value.isEmpty())
        return required ? Text::tr("%1 is required.").arg(label) : QString();
    if (value.size() > maxLength)
        return Text::tr("%1 is longer than %2 characters.").arg(label).arg(maxLength);
    static const QRegularExpression printable(u"^[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]+$"_s);
    if (!printable.match(value).hasMatch())
        return Text::tr("%1 contains characters that are not allowed.").arg(label);
    return {};
}

QString uriProblem(const QString& value, const QString& label, bool required)
{
    if (value.isEmpty())
        return required ? Text::tr("%1 is required: the S3 URI of the file (s3://bucket/key).").arg(label)
                        : QString();
    static const QRegularExpression s3(u"^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})$"_s,
                                       QRegularExpression::DotMatchesEverythingOption);
    if (!s3.match(value).hasMatch())
        return Text::tr("%1 “%2” is not an S3 URI (s3://bucket/key, the bucket in lower case).")
            .arg(label, value.left(80));
    return {};
}

QString string(const QJsonObject& o, const QString& key, const QString& where, QString& error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString() && error.isEmpty())
        error = Text::tr("%1: “%2” must be text.").arg(where, key);
    return v.toString();
}

} // namespace

QStringList importSourceProblems(const omics::ImportSourceInput& s)
{
    QStringList out;
    const auto type = seqformat::readSetFileTypeFromWireName(s.sourceFileType);
    if (!type || seqformat::wireName(*type) != s.sourceFileType)
        out.append(Text::tr("Choose the file type (FASTQ, BAM, CRAM or UBAM)."));
    for (const QString& p :
         {uriProblem(s.source1, Text::tr("URI 1"), true), uriProblem(s.source2, Text::tr("URI 2"), false),
          textProblem(s.subjectId, Text::tr("The subject id"), 127, true),
          textProblem(s.sampleId, Text::tr("The sample id"), 127, true),
          textProblem(s.name, Text::tr("The name"), 127, false),
          textProblem(s.generatedFrom, Text::tr("“Generated from”"), 127, false),
          textProblem(s.description, Text::tr("The description"), 255, false)}) {
        if (!p.isEmpty())
            out.append(p);
    }
    if (!s.source2.isEmpty() && type && *type != seqformat::ReadSetFileType::Fastq)
        out.append(Text::tr("Only FASTQ sources can have a second file (URI 2)."));
    if (!s.source2.isEmpty() && s.source2 == s.source1)
        out.append(Text::tr("URI 1 and URI 2 are the same file."));
    if (type) {
        if (const std::optional<QString> p = seqformat::referenceProblem(*type, s.referenceArn))
            out.append(*p);
    }
    return out;
}

QString importRoleProblem(const QString& roleArn)
{
    if (roleArn.isEmpty())
        return Text::tr("The service role is required: the ARN of an IAM role HealthOmics can assume to read "
                        "the files (arn:aws:iam::…:role/…).");
    if (!roleArn.startsWith(u"arn:") || roleArn.size() < 20 || roleArn.size() > 2048 ||
        roleArn.trimmed() != roleArn)
        return Text::tr("“%1” is not a role ARN (arn:aws:iam::…:role/…).").arg(roleArn.left(80));
    return {};
}

ImportManifest parseImportManifest(const QByteArray& json)
{
    ImportManifest m;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        m.error = Text::tr("The manifest is not JSON (%1 at byte %2).")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
        return m;
    }
    QJsonArray sources;
    if (doc.isArray()) {
        sources = doc.array();
    } else {
        const QJsonObject root = doc.object();
        if (!root.value(u"sources"_s).isArray()) {
            m.error =
                Text::tr("The manifest has no “sources” list: give StartReadSetImportJob's sources array, "
                         "or the whole request with roleArn and sources.");
            return m;
        }
        sources = root.value(u"sources"_s).toArray();
        m.roleArn = string(root, u"roleArn"_s, Text::tr("The manifest"), m.error);
    }
    if (sources.isEmpty() || sources.size() > 100) {
        m.error = Text::tr("An import job takes 1 to 100 sources; the manifest has %1.").arg(sources.size());
        return m;
    }
    for (qsizetype i = 0; i < sources.size() && m.error.isEmpty(); ++i) {
        const QString where = Text::tr("Source %1").arg(i + 1);
        if (!sources.at(i).isObject()) {
            m.error = Text::tr("%1 is not an object.").arg(where);
            break;
        }
        const QJsonObject o = sources.at(i).toObject();
        omics::ImportSourceInput s;
        const QJsonObject files = o.value(u"sourceFiles"_s).toObject();
        s.source1 = string(files, u"source1"_s, where, m.error);
        s.source2 = string(files, u"source2"_s, where, m.error);
        s.sourceFileType = string(o, u"sourceFileType"_s, where, m.error);
        s.subjectId = string(o, u"subjectId"_s, where, m.error);
        s.sampleId = string(o, u"sampleId"_s, where, m.error);
        s.generatedFrom = string(o, u"generatedFrom"_s, where, m.error);
        s.referenceArn = string(o, u"referenceArn"_s, where, m.error);
        s.name = string(o, u"name"_s, where, m.error);
        s.description = string(o, u"description"_s, where, m.error);
        const QJsonObject tags = o.value(u"tags"_s).toObject();
        for (auto it = tags.begin(); it != tags.end(); ++it)
            s.tags.insert(it.key(), it.value().toString());
        m.sources.append(s);
    }
    if (!m.error.isEmpty())
        m.sources.clear();
    return m;
}

} // namespace bge::ui
