#include "functionspage.h"

#include "catalognames.h"
#include "functionabundancemodel.h"
#include "pagefetch.h"

#include "api/platformapi.h"
#include "common/exportbutton.h"

#include <QComboBox>
#include <QFormLayout>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

FunctionsPage::FunctionsPage(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_catalog(new QComboBox(this)), m_model(new FunctionAbundanceModel(this)),
      m_section(new PagedTableSection(m_model, FunctionAbundanceModel::SortRole, this))
{
    setObjectName(u"functionsPage"_s);
    m_catalog->setObjectName(u"functionCatalogBox"_s);
    m_catalog->setAccessibleName(tr("Function catalog"));
    m_catalog->setToolTip(tr("The catalog whose functions the sample's genes are counted in"));
    for (const QString& code : functionCatalogs())
        m_catalog->addItem(CatalogNames::functionCatalog(code), code);
    m_section->table()->setObjectName(u"functionsTable"_s);
    m_section->table()->setAccessibleName(tr("Function abundance"));
    m_section->table()->setAccessibleDescription(
        tr("The functions found in the sample, with their abundance"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Catalog:"), m_catalog);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_section, 1);

    connect(m_section, &PagedTableSection::loadMoreRequested, this, &FunctionsPage::loadMore);
    connect(m_catalog, &QComboBox::currentIndexChanged, this, &FunctionsPage::restart);
}

QString FunctionsPage::catalog() const
{
    return m_catalog->currentData().toString();
}

void FunctionsPage::setCatalog(const QString& code)
{
    m_catalog->setCurrentIndex(m_catalog->findData(code));
}

void FunctionsPage::setSample(const QString& biosampleId)
{
    if (biosampleId == m_biosampleId)
        return;
    m_biosampleId = biosampleId;
    m_section->exportButton()->setSuggestedName(u"functions-"_s + biosampleId);
    restart();
}

void FunctionsPage::restart()
{
    m_model->clear();
    m_section->reset();
    const QString catalog = this->catalog();
    if (!m_api || m_biosampleId.isEmpty() || catalog.isEmpty()) {
        m_loader.reset();
    } else {
        PlatformApi* api = m_api;
        const QString id = m_biosampleId;
        const int pageSize = m_pageSize;
        m_loader.reset([api, id, catalog, pageSize](const PageToken& page) {
            return api->functionAbundance(id, catalog, {}, page, pageSize);
        });
        m_section->exportButton()->setSuggestedName(u"functions-%1-%2"_s.arg(id, catalog));
    }
    m_section->setPaging(false, m_loader.hasMore());
    if (isVisible())
        ensureLoaded();
}

void FunctionsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureLoaded();
}

void FunctionsPage::ensureLoaded()
{
    if (!m_loader.isStarted())
        loadMore();
}

void FunctionsPage::loadMore()
{
    fetchNextPage(m_loader, m_model, m_section, this, [this] { loadMore(); });
}

} // namespace bge::ui
