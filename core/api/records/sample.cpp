#include "sample.h"

#include "api/jsonfields.h"

namespace bge {

using namespace Qt::StringLiterals;

CodedValue readCodedValue(JsonFields& parent, QStringView key)
{
    const QJsonValue v = parent.object().value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    JsonFields f(v, parent.childPath(key));
    CodedValue c;
    c.code = int(f.integer(u"code").value_or(0));
    c.display = f.string(u"display");
    parent.merge(f);
    return c;
}

QStringList Sample::projectIds() const
{
    QStringList ids;
    for (const SampleProject& p : projects)
        ids.append(p.projectId);
    return ids;
}

Result<Sample> Sample::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"sample"_s);
    Sample s;
    s.biosampleId = f.requiredString(u"biosample_id");
    s.externalSampleId = f.string(u"external_sample_id");
    s.collectionTime = f.string(u"sample_collection_time");
    s.updateTime = f.string(u"update_time");
    s.organism = readCodedValue(f, u"organism");
    s.site = readCodedValue(f, u"biosample_site");
    s.omic = readCodedValue(f, u"omic");
    s.status = readCodedValue(f, u"status");
    s.dataAvailability = f.boolean(u"data_availability");
    s.primary = f.boolean(u"primary");
    s.sequencing = f.objectField(u"sequencing");
    s.statistics = f.objectField(u"statistics");

    const QJsonArray projects = f.array(u"project");
    for (qsizetype i = 0; i < projects.size(); ++i) {
        JsonFields p(projects[i], f.childPath(u"project") + u'[' + QString::number(i) + u']');
        s.projects.append({p.string(u"project_id"), p.string(u"project_name"), p.string(u"public_description")});
        f.merge(p);
    }
    s.filesRequested = f.object().contains(u"files");
    const QJsonArray files = f.array(u"files");
    for (qsizetype i = 0; i < files.size(); ++i) {
        JsonFields p(files[i], f.childPath(u"files") + u'[' + QString::number(i) + u']');
        SampleFile file;
        file.objectName = p.requiredString(u"object_name");
        file.fileName = p.string(u"file_name");
        file.dataType = p.string(u"data_type");
        file.format = p.string(u"format");
        file.size = p.integer(u"size").value_or(-1);
        file.md5 = p.string(u"md5");
        file.raw = p.object();
        s.files.append(file);
        f.merge(p);
    }
    s.raw = f.object();
    if (!f.ok())
        return f.error();
    return s;
}

Result<ExternalIdMapping> ExternalIdMapping::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"external_id"_s);
    ExternalIdMapping m;
    m.externalSampleId = f.stringOrNumber(u"external_sample_id");
    m.biosampleId = f.requiredString(u"biosample_id");
    m.raw = f.object();
    if (!f.ok())
        return f.error();
    return m;
}

} // namespace bge
