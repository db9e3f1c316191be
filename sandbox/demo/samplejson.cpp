#include "samplejson.h"

#include "demoworld.h"
#include "platformcodes.h"

#include <QJsonArray>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

QJsonObject coded(std::span<const CodedValue> values, int code)
{
    const CodedValue* v = findCode(values, code);
    return {{u"code"_s, code}, {u"display"_s, v ? QString::fromUtf16(v->display) : QString()}};
}

template <typename T>
QJsonValue optionalValue(const std::optional<T>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString platformTime(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'+0000'"_s);
}

QJsonObject sampleToJson(const Sample& s, const DemoWorld& world, bool withFiles)
{
    QJsonArray projects;
    for (const QString& id : s.projectIds) {
        const Project* p = world.findProject(id);
        projects.append(QJsonObject{{u"project_id"_s, id},
                                    {u"project_name"_s, p ? p->name : QString()},
                                    {u"public_description"_s, p ? p->publicDescription : QString()}});
    }
    QJsonObject o{
        {u"biosample_id"_s, s.biosampleId},
        {u"update_time"_s, platformTime(s.updateTime)},
        {u"sample_collection_time"_s, s.collectionTime.isValid() ? QJsonValue(platformTime(s.collectionTime))
                                                                 : QJsonValue(QJsonValue::Null)},
        {u"organism"_s, coded(organisms(), s.organism)},
        {u"sequencing"_s, QJsonObject{{u"platform"_s, QJsonArray::fromStringList(s.platform)},
                                      {u"sequencing_time"_s, QJsonArray::fromStringList(s.sequencingTime)},
                                      {u"instrument_model"_s, QJsonArray::fromStringList(s.instrumentModel)},
                                      {u"read_type"_s, QJsonArray::fromStringList(s.readType)}}},
        {u"project"_s, projects},
        {u"data_availability"_s, s.dataAvailability},
        {u"status"_s, coded(sampleStatuses(), s.status)},
        {u"primary"_s, s.primary},
        {u"biosample_site"_s, coded(biosampleSites(), s.site)},
        {u"omic"_s, coded(omicsTypes(), s.omic)},
        {u"statistics"_s, QJsonObject{{u"human_contamination"_s, optionalValue(s.humanContamination)},
                                      {u"depth"_s, optionalValue(s.depth)},
                                      {u"variant_counting"_s, optionalValue(s.variantCounting)},
                                      {u"base_pairs"_s, optionalValue(s.basePairs)},
                                      {u"coverage"_s, optionalValue(s.coverage)}}},
        // Sandbox convention: the identifiers and library fields register/improve set are
        // returned too (null while unset), so a client can tell what is still improvable.
        {u"external_sample_id"_s, s.externalSampleId},
    };
    for (auto it = s.improvable.cbegin(); it != s.improvable.cend(); ++it)
        o.insert(it.key(), it.value().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(it.value()));
    if (withFiles) {
        QJsonArray files;
        for (const SampleFile& f : s.files) {
            files.append(QJsonObject{{u"object_name"_s, f.objectName},
                                     {u"file_name"_s, f.fileName},
                                     {u"data_type"_s, f.dataType},
                                     {u"format"_s, f.format},
                                     {u"size"_s, double(f.size)},
                                     {u"md5"_s, f.md5}});
        }
        o.insert(u"files"_s, files);
    }
    return o;
}

} // namespace bge::sandbox
