#include "samplefieldsview.h"

#include "libraryfields.h"
#include "sampleformat.h"

#include "api/platformcodes.h"
#include "api/records/sample.h"
#include "api/sampleinput.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QString codedWithCode(const CodedValue& value, const QList<PlatformCode>& table)
{
    if (!value.isSet())
        return {};
    return u"%1 (%2)"_s.arg(SampleFormat::coded(value, table)).arg(value.code);
}

// Labels for the keys the platform documents; other keys are shown under their own name.
QString sequencingLabel(const QString& key)
{
    if (key == u"platform")
        return SampleFieldsView::tr("Platform");
    if (key == u"instrument_model")
        return SampleFieldsView::tr("Instrument");
    if (key == u"read_type")
        return SampleFieldsView::tr("Read type");
    if (key == u"sequencing_time")
        return SampleFieldsView::tr("Sequenced on");
    return key;
}

QString statisticsLabel(const QString& key)
{
    if (key == u"depth")
        return SampleFieldsView::tr("Depth");
    if (key == u"coverage")
        return SampleFieldsView::tr("Coverage");
    if (key == u"base_pairs")
        return SampleFieldsView::tr("Base pairs (Gb)");
    if (key == u"variant_counting")
        return SampleFieldsView::tr("Variants");
    if (key == u"human_contamination")
        return SampleFieldsView::tr("Human contamination");
    return key;
}

} // namespace

SampleFieldsView::SampleFieldsView(QWidget* parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(u"sampleFields"_s);
}

void SampleFieldsView::setSample(const Sample& s)
{
    // Rebuilt whole: the set of rows depends on what the record carries.
    delete m_content;
    m_content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins({});
    m_layout->addWidget(m_content);
    if (s.biosampleId.isEmpty())
        return;

    QFormLayout* identity = addGroup(tr("Identity"), u"identityGroup"_s);
    addRow(identity, tr("Biosample id"), u"biosample_id"_s, s.biosampleId);
    addRow(identity, tr("External id"), u"external_sample_id"_s, s.externalSampleId);
    addRow(identity, tr("Primary sample"), u"primary"_s, SampleFormat::yesNo(s.primary));
    addRow(identity, tr("Data available"), u"data_availability"_s, SampleFormat::yesNo(s.dataAvailability));

    QFormLayout* biology = addGroup(tr("Organism, site and omics"), u"biologyGroup"_s);
    addRow(biology, tr("Organism"), u"organism"_s, codedWithCode(s.organism, organismCodes()));
    addRow(biology, tr("Site"), u"biosample_site"_s, codedWithCode(s.site, biosampleSiteCodes()));
    addRow(biology, tr("Omics"), u"omic"_s, codedWithCode(s.omic, omicsCodes()));

    QFormLayout* projects = addGroup(tr("Projects"), u"projectsGroup"_s);
    if (s.projects.isEmpty())
        addRow(projects, tr("Project"), u"project"_s, {});
    for (const SampleProject& p : s.projects) {
        const QString name =
            p.projectName.isEmpty() ? p.projectId : u"%1 (%2)"_s.arg(p.projectName, p.projectId);
        addRow(projects, tr("Project"), u"project_"_s + p.projectId, name, p.publicDescription);
        if (!p.publicDescription.isEmpty())
            addRow(projects, tr("Description"), u"project_description_"_s + p.projectId, p.publicDescription);
    }

    // Only the library fields the record carries (the platform may not send them at all).
    QFormLayout* library = nullptr;
    for (const ImprovableField& f : improvableSampleFields()) {
        const std::optional<QString> value = improvableFieldValue(s, f.name);
        if (!value)
            continue;
        if (!library)
            library = addGroup(tr("Library"), u"libraryGroup"_s);
        addRow(library, LibraryFields::label(f.name), f.name, *value);
    }

    QFormLayout* sequencing = addGroup(tr("Sequencing"), u"sequencingGroup"_s);
    for (auto it = s.sequencing.begin(); it != s.sequencing.end(); ++it)
        addRow(sequencing, sequencingLabel(it.key()), it.key(), SampleFormat::scalarText(it.value()));

    QFormLayout* statistics = addGroup(tr("Statistics"), u"statisticsGroup"_s);
    for (auto it = s.statistics.begin(); it != s.statistics.end(); ++it)
        addRow(statistics, statisticsLabel(it.key()), it.key(), SampleFormat::scalarText(it.value()));

    QFormLayout* status = addGroup(tr("Status"), u"statusGroup"_s);
    addRow(status, tr("Status"), u"status"_s, codedWithCode(s.status, sampleStatusCodes()));

    QFormLayout* times = addGroup(tr("Times"), u"timesGroup"_s);
    addRow(times, tr("Collected"), u"sample_collection_time"_s, SampleFormat::timeText(s.collectionTime),
           s.collectionTime);
    addRow(times, tr("Updated"), u"update_time"_s, SampleFormat::timeText(s.updateTime), s.updateTime);
    contentLayout->addStretch();
}

QFormLayout* SampleFieldsView::addGroup(const QString& title, const QString& objectName)
{
    auto* group = new QGroupBox(title, m_content);
    group->setObjectName(objectName);
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_content->layout()->addWidget(group);
    return form;
}

void SampleFieldsView::addRow(QFormLayout* form, const QString& label, const QString& key,
                              const QString& value, const QString& toolTip)
{
    auto* text = new QLabel(value.isEmpty() ? tr("not set") : value);
    text->setObjectName(u"field_"_s + key);
    text->setTextFormat(Qt::PlainText); // platform text is data, never markup
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setWordWrap(true);
    text->setToolTip(toolTip);
    text->setEnabled(!value.isEmpty()); // "not set" reads greyed out
    auto* caption = new QLabel(label);
    caption->setBuddy(text);
    text->setAccessibleName(label);
    form->addRow(caption, text);
}

} // namespace bge::ui
