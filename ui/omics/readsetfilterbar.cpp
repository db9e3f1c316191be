#include "readsetfilterbar.h"

#include "optionaldateedit.h"

#include "omicsformat.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The date edits' lowest value stands for "no date" (shown as "Any").
const QDate kNoDate(2000, 1, 1);

void selectData(QComboBox* box, const QString& value)
{
    const int i = box->findData(value);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

ReadSetFilterBar::ReadSetFilterBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"readSetFilterBar"_s);
    const auto statusValues = [] {
        QList<std::pair<QString, QString>> v;
        for (const char16_t* s : {u"ACTIVE", u"PROCESSING_UPLOAD", u"UPLOAD_FAILED", u"ACTIVATING",
                                  u"ARCHIVED", u"DELETING", u"DELETED"}) {
            const QString code = QString::fromUtf16(s);
            v.append({code, OmicsFormat::readSetStatus(code)});
        }
        return v;
    };
    const auto fileTypes = [] {
        QList<std::pair<QString, QString>> v;
        for (const char16_t* s : {u"FASTQ", u"BAM", u"CRAM", u"UBAM"}) {
            const QString code = QString::fromUtf16(s);
            v.append({code, OmicsFormat::fileType(code)});
        }
        return v;
    };

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    int row = 0;
    const auto add = [&](const QString& label, QWidget* field) {
        auto* l = new QLabel(label, this);
        l->setBuddy(field);
        layout->addWidget(l, row, column * 2);
        layout->addWidget(field, row, column * 2 + 1);
        if (++column == 4) {
            column = 0;
            ++row;
        }
    };
    m_name = lineEdit(u"filterName"_s, tr("Name"), tr("Exact name"));
    m_name->setToolTip(tr("Only the read sets with exactly this name"));
    add(tr("&Name:"), m_name);
    m_status = comboBox(u"filterStatus"_s, tr("Status"), statusValues());
    m_status->setToolTip(tr("Only the read sets in this state"));
    add(tr("S&tatus:"), m_status);
    m_fileType = comboBox(u"filterFileType"_s, tr("File type"), fileTypes());
    m_fileType->setToolTip(tr("Only the read sets of this file type"));
    add(tr("File t&ype:"), m_fileType);
    m_creationType = comboBox(u"filterCreationType"_s, tr("Created by"),
                              {{u"UPLOAD"_s, OmicsFormat::creationType(u"UPLOAD"_s)},
                               {u"IMPORT"_s, OmicsFormat::creationType(u"IMPORT"_s)}});
    m_creationType->setToolTip(tr("Only the read sets uploaded, or only those imported from S3"));
    add(tr("Created &by:"), m_creationType);
    m_subject = lineEdit(u"filterSubject"_s, tr("Subject ID"), tr("Subject ID"));
    m_subject->setToolTip(tr("Only the read sets of this subject"));
    add(tr("S&ubject:"), m_subject);
    m_sample = lineEdit(u"filterSample"_s, tr("Sample ID"), tr("Sample ID"));
    m_sample->setToolTip(tr("Only the read sets of this sample"));
    add(tr("Sa&mple:"), m_sample);
    m_after = dateEdit(u"filterCreatedAfter"_s, tr("Created after"));
    m_after->setToolTip(tr("Only the read sets created on or after this day"));
    add(tr("Created &after:"), m_after);
    m_before = dateEdit(u"filterCreatedBefore"_s, tr("Created before"));
    m_before->setToolTip(tr("Only the read sets created on or before this day"));
    add(tr("Created b&efore:"), m_before);

    auto* clearButton = new QPushButton(tr("C&lear Filters"), this);
    clearButton->setObjectName(u"clearFiltersButton"_s);
    clearButton->setAccessibleName(tr("Clear filters"));
    clearButton->setToolTip(tr("Show every read set of the store again"));
    clearButton->setAutoDefault(false);
    connect(clearButton, &QPushButton::clicked, this, &ReadSetFilterBar::clear);
    layout->addWidget(clearButton, row + 1, 7, Qt::AlignRight);
    for (int c = 1; c < 8; c += 2)
        layout->setColumnStretch(c, 1);
}

QLineEdit* ReadSetFilterBar::lineEdit(const QString& objectName, const QString& label,
                                      const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::editingFinished, this, &ReadSetFilterBar::apply);
    // The clear button empties the field without editingFinished: apply that too.
    connect(edit, &QLineEdit::textChanged, this, [this, edit](const QString& text) {
        if (text.isEmpty() && !edit->hasFocus())
            apply();
    });
    return edit;
}

QComboBox* ReadSetFilterBar::comboBox(const QString& objectName, const QString& label,
                                      const QList<std::pair<QString, QString>>& values)
{
    auto* box = new QComboBox(this);
    box->setObjectName(objectName);
    box->setAccessibleName(label);
    box->addItem(tr("Any"), QString());
    for (const auto& [code, text] : values)
        box->addItem(text, code);
    connect(box, &QComboBox::currentIndexChanged, this, &ReadSetFilterBar::apply);
    return box;
}

QDateEdit* ReadSetFilterBar::dateEdit(const QString& objectName, const QString& label)
{
    auto* edit = new OptionalDateEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(tr("Any"));
    edit->setDate(kNoDate);
    connect(edit, &QDateEdit::dateChanged, this, &ReadSetFilterBar::apply);
    return edit;
}

ReadSetQuery ReadSetFilterBar::query() const
{
    ReadSetQuery q;
    q.filter.name = m_name->text().trimmed();
    q.filter.status = m_status->currentData().toString();
    q.fileType = m_fileType->currentData().toString();
    q.filter.subjectId = m_subject->text().trimmed();
    q.filter.sampleId = m_sample->text().trimmed();
    q.filter.creationType = m_creationType->currentData().toString();
    // Days in the person's time zone: "after 3 May" means from the start of their 3 May,
    // "before 5 May" up to the end of their 5 May (a person thinks of whole days).
    if (m_after->date() != kNoDate)
        q.filter.createdAfter = m_after->date().startOfDay();
    if (m_before->date() != kNoDate)
        q.filter.createdBefore = m_before->date().endOfDay();
    return q;
}

void ReadSetFilterBar::setQuery(const ReadSetQuery& query)
{
    m_updating = true;
    m_name->setText(query.filter.name);
    selectData(m_status, query.filter.status);
    selectData(m_fileType, query.fileType);
    m_subject->setText(query.filter.subjectId);
    m_sample->setText(query.filter.sampleId);
    selectData(m_creationType, query.filter.creationType);
    m_after->setDate(query.filter.createdAfter.isValid() ? query.filter.createdAfter.toLocalTime().date()
                                                         : kNoDate);
    m_before->setDate(query.filter.createdBefore.isValid() ? query.filter.createdBefore.toLocalTime().date()
                                                           : kNoDate);
    m_updating = false;
    m_applied = this->query();
}

void ReadSetFilterBar::clear()
{
    const ReadSetQuery before = m_applied;
    setQuery({});
    if (!(m_applied == before))
        Q_EMIT queryChanged(m_applied);
}

void ReadSetFilterBar::apply()
{
    if (m_updating)
        return;
    const ReadSetQuery q = query();
    if (q == m_applied)
        return;
    m_applied = q;
    Q_EMIT queryChanged(q);
}

} // namespace bge::ui
