#include "importsources.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxManifestBytes = 4 * 1024 * 1024; // 100 sources fit many times over

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::ImportSources)
};

const QStringList& fileTypes()
{
    static const QStringList types{u"FASTQ"_s, u"BAM"_s, u"CRAM"_s, u"UBAM"_s};
    return types;
}

// A member that must be a string when present.
bool stringMember(const QJsonObject& o, const QString& key, QString* out, const QString& where, QString* problem)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *problem = Text::tr("%1: \"%2\" must be a string").arg(where, key);
        return false;
    }
    *out = v.toString();
    return true;
}

bool sourceFromJson(const QJsonValue& value, const QString& where, omics::ImportSourceInput* s, QString* problem)
{
    if (!value.isObject()) {
        *problem = Text::tr("%1 must be an object").arg(where);
        return false;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue files = o.value(u"sourceFiles"_s);
    if (!files.isObject()) {
        *problem = Text::tr("%1: \"sourceFiles\" with \"source1\" is required").arg(where);
        return false;
    }
    if (!stringMember(files.toObject(), u"source1"_s, &s->source1, where, problem)
        || !stringMember(files.toObject(), u"source2"_s, &s->source2, where, problem)
        || !stringMember(o, u"sourceFileType"_s, &s->sourceFileType, where, problem)
        || !stringMember(o, u"subjectId"_s, &s->subjectId, where, problem)
        || !stringMember(o, u"sampleId"_s, &s->sampleId, where, problem)
        || !stringMember(o, u"generatedFrom"_s, &s->generatedFrom, where, problem)
        || !stringMember(o, u"referenceArn"_s, &s->referenceArn, where, problem)
        || !stringMember(o, u"name"_s, &s->name, where, problem)
        || !stringMember(o, u"description"_s, &s->description, where, problem))
        return false;
    const QJsonValue tags = o.value(u"tags"_s);
    if (!tags.isUndefined() && !tags.isNull()) {
        if (!tags.isObject()) {
            *problem = Text::tr("%1: \"tags\" must be an object of strings").arg(where);
            return false;
        }
        const QJsonObject t = tags.toObject();
        for (auto it = t.begin(); it != t.end(); ++it) {
            if (!it.value().isString()) {
                *problem = Text::tr("%1: \"tags\" must be an object of strings").arg(where);
                return false;
            }
            s->tags.insert(it.key(), it.value().toString());
        }
    }
    if (s->source1.isEmpty() || s->sourceFileType.isEmpty() || s->subjectId.isEmpty() || s->sampleId.isEmpty()) {
        *problem = Text::tr("%1: \"sourceFiles.source1\", \"sourceFileType\", \"subjectId\" and \"sampleId\" are required")
                       .arg(where);
        return false;
    }
    return true;
}

} // namespace

bool parseImportSources(const QStringList& specs, QList<omics::ImportSourceInput>* out, QString* problem)
{
    for (const QString& spec : specs) {
        const QStringList fields = spec.split(u':');
        if (fields.size() < 4) {
            *problem = Text::tr("--source \"%1\": expected TYPE:SUBJECT:SAMPLE:URI[,URI2]").arg(spec);
            return false;
        }
        omics::ImportSourceInput s;
        s.sourceFileType = fields.at(0).trimmed().toUpper();
        s.subjectId = fields.at(1).trimmed();
        s.sampleId = fields.at(2).trimmed();
        const QStringList uris = fields.mid(3).join(u':').split(u',');
        if (!fileTypes().contains(s.sourceFileType)) {
            *problem = Text::tr("--source \"%1\": the file type must be one of %2").arg(spec, fileTypes().join(u", "_s));
            return false;
        }
        if (s.subjectId.isEmpty() || s.sampleId.isEmpty() || uris.size() > 2 || uris.first().trimmed().isEmpty()) {
            *problem = Text::tr("--source \"%1\": expected TYPE:SUBJECT:SAMPLE:URI[,URI2]").arg(spec);
            return false;
        }
        s.source1 = uris.first().trimmed();
        if (uris.size() == 2)
            s.source2 = uris.at(1).trimmed();
        out->append(s);
    }
    return true;
}

bool readImportManifest(const QString& path, omics::StartImportInput* out, QString* problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = Text::tr("cannot read the manifest \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > kMaxManifestBytes) {
        *problem = Text::tr("the manifest \"%1\" is larger than %2 bytes").arg(path).arg(kMaxManifestBytes);
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = Text::tr("the manifest \"%1\" is not JSON: %2 at byte %3").arg(path, error.errorString()).arg(error.offset);
        return false;
    }
    QJsonArray sources;
    if (doc.isArray()) {
        sources = doc.array();
    } else {
        const QJsonObject o = doc.object();
        if (!stringMember(o, u"roleArn"_s, &out->roleArn, path, problem))
            return false;
        if (!o.value(u"sources"_s).isArray()) {
            *problem = Text::tr("%1: \"sources\" must be an array").arg(path);
            return false;
        }
        sources = o.value(u"sources"_s).toArray();
    }
    if (sources.isEmpty()) {
        *problem = Text::tr("%1: no sources").arg(path);
        return false;
    }
    for (qsizetype i = 0; i < sources.size(); ++i) {
        omics::ImportSourceInput s;
        if (!sourceFromJson(sources.at(i), u"%1: sources[%2]"_s.arg(path).arg(i), &s, problem))
            return false;
        out->sources.append(s);
    }
    return true;
}

void applyDefaultReference(QList<omics::ImportSourceInput>* sources, const QString& referenceArn)
{
    if (referenceArn.isEmpty())
        return;
    for (omics::ImportSourceInput& s : *sources) {
        if (s.referenceArn.isEmpty() && (s.sourceFileType == u"BAM" || s.sourceFileType == u"CRAM"))
            s.referenceArn = referenceArn;
    }
}

} // namespace bge::cli
