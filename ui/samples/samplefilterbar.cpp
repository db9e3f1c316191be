#include "samplefilterbar.h"

#include "codechoicebutton.h"

#include "common/flowlayout.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

enum Availability
{
    AnyAvailability,
    Available,
    NotAvailable
};

QLineEdit* listEdit(const QString& objectName, const QString& placeholder, const QString& accessibleName,
                    QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

SampleFilterBar::SampleFilterBar(QWidget* parent)
    // A short title: the group box's title sets how narrow the sample list can be.
    : QGroupBox(tr("Server filters"), parent),
      m_sites(new CodeChoiceButton(tr("Site"), biosampleSiteCodes(), false, this)),
      m_omics(new CodeChoiceButton(tr("Omics"), omicsCodes(), false, this)),
      m_organisms(new CodeChoiceButton(tr("Organism"), organismCodes(), false, this))
      // Status words are the platform's own (Chinese) names: the code helps to tell them apart.
      ,
      m_statuses(new CodeChoiceButton(tr("Status"), sampleStatusCodes(), true, this)),
      m_availability(new QComboBox(this)),
      m_projects(
          listEdit(u"projectFilter"_s, tr("Project ids, e.g. P-W20123456789"), tr("Project ids"), this)),
      m_ids(listEdit(u"idFilter"_s, tr("Biosample or external sample ids"), tr("Sample ids"), this)),
      m_clear(new QPushButton(tr("Clear filters"), this))
{
    setObjectName(u"serverFilters"_s);
    setToolTip(tr("These filters search all your samples on the platform; the quick search below looks only "
                  "through the samples loaded."));
    m_sites->setObjectName(u"siteFilter"_s);
    m_omics->setObjectName(u"omicsFilter"_s);
    m_organisms->setObjectName(u"organismFilter"_s);
    m_statuses->setObjectName(u"statusFilter"_s);
    m_availability->setObjectName(u"availabilityFilter"_s);
    m_availability->setAccessibleName(tr("Data availability"));
    m_availability->setToolTip(tr("Only samples whose result data is available, or only those without"));
    m_availability->addItem(tr("Data: any"), AnyAvailability);
    m_availability->addItem(tr("Data available"), Available);
    m_availability->addItem(tr("Data not available"), NotAvailable);
    // As wide as "Data: any", not as the longest choice: the filter row sets how narrow the
    // sample list can be, and the list that opens shows every choice whole.
    m_availability->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_availability->setMinimumContentsLength(int(m_availability->itemText(0).size()) + 1);
    m_ids->setToolTip(tr("Separate ids with commas or spaces. Ids like E-B12345678901 are biosample ids; "
                         "anything else is looked up as your own external sample id."));
    m_projects->setToolTip(tr("Separate project ids with commas or spaces."));
    m_clear->setObjectName(u"clearFilters"_s);

    // The boxes keep room for an id or two; the flow gives them the rest of their line.
    const int idWidth = fontMetrics().horizontalAdvance(u"E-B12345678901"_s) + fontMetrics().height();
    m_projects->setMinimumWidth(idWidth);
    m_ids->setMinimumWidth(idWidth);

    // A flow, not a grid: the sample list can narrow to its id column, the filters going onto
    // more lines as it does (issue 15).
    auto* layout = new FlowLayout(this);
    for (QWidget* w : std::initializer_list<QWidget*>{m_sites, m_omics, m_organisms, m_statuses,
                                                      m_availability, m_projects, m_ids, m_clear})
        layout->addWidget(w);

    const auto changed = [this] {
        updateClearButton();
        Q_EMIT filtersChanged();
    };
    for (CodeChoiceButton* b : {m_sites, m_omics, m_organisms, m_statuses})
        connect(b, &CodeChoiceButton::selectionChanged, this, changed);
    connect(m_availability, &QComboBox::activated, this, changed);
    connect(m_projects, &QLineEdit::editingFinished, this, changed);
    connect(m_ids, &QLineEdit::editingFinished, this, changed);
    connect(m_clear, &QPushButton::clicked, this, &SampleFilterBar::clearAll);
    updateClearButton();
}

SampleFilters SampleFilterBar::filters() const
{
    SampleFilters f;
    f.sites = m_sites->selectedCodes();
    f.omics = m_omics->selectedCodes();
    f.organisms = m_organisms->selectedCodes();
    f.statuses = m_statuses->selectedCodes();
    f.projectIds = SampleFilters::splitList(m_projects->text());
    f.ids = SampleFilters::splitList(m_ids->text());
    switch (m_availability->currentData().toInt()) {
    case Available:
        f.dataAvailability = true;
        break;
    case NotAvailable:
        f.dataAvailability = false;
        break;
    default:
        break;
    }
    return f;
}

void SampleFilterBar::setFilters(const SampleFilters& f)
{
    m_sites->setSelectedCodes(f.sites);
    m_omics->setSelectedCodes(f.omics);
    m_organisms->setSelectedCodes(f.organisms);
    m_statuses->setSelectedCodes(f.statuses);
    m_projects->setText(f.projectIds.join(u", "_s));
    m_ids->setText(f.ids.join(u", "_s));
    const int availability = !f.dataAvailability   ? AnyAvailability
                             : *f.dataAvailability ? Available
                                                   : NotAvailable;
    m_availability->setCurrentIndex(m_availability->findData(availability));
    updateClearButton();
}

void SampleFilterBar::clearAll()
{
    setFilters({});
    Q_EMIT filtersChanged();
}

void SampleFilterBar::updateClearButton()
{
    m_clear->setEnabled(!filters().isEmpty());
}

} // namespace bge::ui
