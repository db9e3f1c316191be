#include "variantdetailview.h"

#include "varianttablemodel.h"

#include "api/jsonfields.h"
#include "api/records/variant.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QString optionalText(const std::optional<qint64>& value)
{
    return value ? QString::number(*value) : QString();
}

QString yesNo(const std::optional<bool>& value)
{
    if (!value)
        return {};
    return *value ? VariantDetailView::tr("yes") : VariantDetailView::tr("no");
}

// "TOPMED: ref 0.3285, alt 0.6715", one line per population.
QString frequencyLines(const QJsonObject& frequencies)
{
    QStringList lines;
    for (auto it = frequencies.begin(); it != frequencies.end(); ++it) {
        const QJsonArray f = it.value().toArray();
        QStringList alleles;
        for (qsizetype i = 0; i < f.size(); ++i) {
            const QString value =
                f[i].isDouble() ? QString::number(f[i].toDouble(), 'f', 4) : compactJson(f[i]);
            alleles.append(i == 0 ? VariantDetailView::tr("ref %1").arg(value)
                                  : VariantDetailView::tr("alt %1").arg(value));
        }
        lines.append(u"%1: %2"_s.arg(it.key(), alleles.join(u", "_s)));
    }
    return lines.join(u'\n');
}

// Every leaf of the source object ("tag.assembly_synonym: GRCh38"): the platform adds fields
// over time, and a pipeline's provenance is only useful when nothing is left out.
void sourceLines(const QJsonObject& object, const QString& prefix, QStringList& lines)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it.value().isObject())
            sourceLines(it.value().toObject(), key, lines);
        else
            lines.append(u"%1: %2"_s.arg(key, it.value().isString() ? it.value().toString()
                                                                    : compactJson(it.value())));
    }
}

} // namespace

VariantDetailView::VariantDetailView(QWidget* parent)
    : QWidget(parent), m_form(new QFormLayout), m_raw(new QPlainTextEdit(this))
{
    setObjectName(u"variantDetail"_s);
    setAccessibleName(tr("Variant details"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField(tr("Variant"), u"variantId"_s);
    addField(tr("Identifiers"), u"alternateIds"_s);
    addField(tr("Gene"), u"genes"_s);
    addField(tr("Location"), u"location"_s);
    addField(tr("Type"), u"type"_s);
    addField(tr("Reference / alternate"), u"alleles"_s);
    addField(tr("Genotype"), u"genotype"_s);
    addField(tr("Zygosity"), u"zygosity"_s);
    addField(tr("Read depth (DP)"), u"callDepth"_s);
    addField(tr("Genotype quality (GQ)"), u"callQuality"_s);
    addField(tr("Allele depths (AD)"), u"alleleDepths"_s);
    addField(tr("Phred likelihoods (PL)"), u"likelihoods"_s);
    addField(tr("Assayed"), u"assayed"_s);
    addField(tr("No call"), u"noCall"_s);
    addField(tr("Allele frequencies"), u"frequencies"_s);
    addField(tr("Source"), u"source"_s);

    m_raw->setObjectName(u"variantJson"_s);
    m_raw->setAccessibleName(tr("Variant record as received"));
    m_raw->setAccessibleDescription(tr("The variant's record as the platform sent it"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(m_form, 1);
    layout->addWidget(m_raw, 1);
    setVariant(nullptr);
}

QLabel* VariantDetailView::addField(const QString& label, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    m_form->addRow(label, value);
    m_fields.insert(objectName, value);
    return value;
}

QString VariantDetailView::fieldText(const QString& objectName) const
{
    const QLabel* field = m_fields.value(objectName);
    return field ? field->text() : QString();
}

void VariantDetailView::setVariant(const bge::Variant* v)
{
    const auto set = [this](const QString& name, const QString& text) {
        if (QLabel* field = m_fields.value(name))
            field->setText(text);
    };
    if (!v) {
        for (QLabel* field : std::as_const(m_fields))
            field->clear();
        m_raw->setPlainText(tr("Select a variant to see everything the platform reported for it."));
        return;
    }
    set(u"variantId"_s, v->variantId);
    set(u"alternateIds"_s, v->alternateIds.join(u", "_s));
    set(u"genes"_s, v->genes.join(u", "_s));
    QString location = v->position ? u"%1:%2"_s.arg(v->chromosome).arg(*v->position) : v->chromosome;
    if (const QString assembly = v->source.value(u"tag").toObject().value(u"assembly_synonym").toString();
        !assembly.isEmpty())
        location += u" ("_s + assembly + u')';
    set(u"location"_s, location);
    set(u"type"_s, v->type);
    set(u"alleles"_s, u"%1 / %2"_s.arg(v->referenceBase, v->alternateBases.join(u", "_s)));
    set(u"genotype"_s, v->gt.isEmpty() ? v->genotype : u"%1 (GT %2)"_s.arg(v->genotype, v->gt));
    set(u"zygosity"_s, VariantTableModel::zygosityText(*v));
    set(u"callDepth"_s, optionalText(v->depth));
    set(u"callQuality"_s, optionalText(v->genotypeQuality));
    QStringList depths;
    for (const qint64 d : v->alleleDepths)
        depths.append(QString::number(d));
    set(u"alleleDepths"_s, depths.join(u", "_s));
    set(u"likelihoods"_s, v->phredLikelihoods);
    set(u"assayed"_s, yesNo(v->isAssayed));
    set(u"noCall"_s, yesNo(v->isNoCall));
    set(u"frequencies"_s, frequencyLines(v->frequencies));
    QStringList source;
    sourceLines(v->source, {}, source);
    set(u"source"_s, source.join(u'\n'));
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(v->raw).toJson(QJsonDocument::Indented)));
}

} // namespace bge::ui
