#include "genespage.h"

#include "catalognames.h"
#include "geneabundancemodel.h"
#include "pagefetch.h"

#include "api/platformapi.h"
#include "common/exportbutton.h"

#include <QComboBox>
#include <QFormLayout>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const auto kList = u"list"_s;
const auto kFile = u"file"_s;
// The platform answers 41001 to a list from this catalog: it only has result files.
const auto kFilesOnlyCatalog = u"UniRef90_HUMAnN2_0.11"_s;

// A bare file name for the save dialog: the platform's names are data, and "../x" or
// "a\\b" must not choose a folder.
QString safeFileName(const QString& name)
{
    const QString last = name.section(u'/', -1).section(u'\\', -1).trimmed();
    return last.isEmpty() || last == u"." || last == u".." ? QString() : last;
}

} // namespace

GenesPage::GenesPage(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_catalog(new QComboBox(this)), m_dataType(new QComboBox(this)),
      m_model(new GeneAbundanceModel(this)),
      m_section(new PagedTableSection(m_model, GeneAbundanceModel::SortRole, this)),
      m_download(new QPushButton(tr("&Download"), this))
{
    setObjectName(u"genesPage"_s);
    m_catalog->setObjectName(u"geneCatalogBox"_s);
    m_catalog->setAccessibleName(tr("Gene catalog"));
    for (const QString& code : geneCatalogs())
        m_catalog->addItem(CatalogNames::geneCatalog(code), code);
    // The catalogs' full names are long: sized to them, the box widened the whole result pane
    // and pushed the sample list aside on the first selection (issue 15). It keeps a modest
    // width; the list that opens, and the tooltip, show the whole name.
    m_catalog->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_catalog->setMinimumContentsLength(24);
    m_catalog->setToolTip(m_catalog->currentText());
    m_dataType->setObjectName(u"geneDataTypeBox"_s);
    m_dataType->setAccessibleName(tr("Result type"));
    m_dataType->setToolTip(tr("The genes and their abundance, or the result files to download"));
    m_dataType->addItem(tr("Genes and their abundance"), kList);
    m_dataType->addItem(tr("Result files to download"), kFile);
    m_download->setObjectName(u"downloadButton"_s);
    m_download->setToolTip(tr("Download the selected result file"));
    m_section->table()->setObjectName(u"genesTable"_s);
    m_section->table()->setAccessibleName(tr("Gene abundance"));
    m_section->table()->setAccessibleDescription(
        tr("The genes found in the sample with their abundance, or its result files"));
    m_section->addAction(m_download);

    auto* form = new QFormLayout;
    form->addRow(tr("&Catalog:"), m_catalog);
    form->addRow(tr("&Results:"), m_dataType);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_section, 1);

    connect(m_section, &PagedTableSection::loadMoreRequested, this, &GenesPage::loadMore);
    connect(m_catalog, &QComboBox::currentIndexChanged, this, [this] {
        m_catalog->setToolTip(m_catalog->currentText());
        limitDataTypes();
        restart();
    });
    connect(m_dataType, &QComboBox::currentIndexChanged, this, [this] {
        limitDataTypes();
        restart();
    });
    connect(m_download, &QPushButton::clicked, this, &GenesPage::downloadCurrent);
    connect(m_section->table(), &QTableView::doubleClicked, this, &GenesPage::downloadCurrent);
    connect(m_section->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GenesPage::updateDownload);
    limitDataTypes();
    restart();
}

QString GenesPage::catalog() const
{
    return m_catalog->currentData().toString();
}

QString GenesPage::dataType() const
{
    return m_dataType->currentData().toString();
}

void GenesPage::setQuery(const QString& catalog, const QString& dataType)
{
    const QSignalBlocker blockCatalog(m_catalog);
    const QSignalBlocker blockType(m_dataType);
    m_catalog->setCurrentIndex(m_catalog->findData(catalog));
    limitDataTypes();
    m_dataType->setCurrentIndex(m_dataType->findData(dataType));
    restart();
}

void GenesPage::limitDataTypes()
{
    const bool filesOnly = catalog() == kFilesOnlyCatalog;
    if (auto* items = qobject_cast<QStandardItemModel*>(m_dataType->model())) {
        if (QStandardItem* list = items->item(m_dataType->findData(kList)))
            list->setEnabled(!filesOnly);
    }
    if (filesOnly && dataType() == kList) {
        const QSignalBlocker blocker(m_dataType);
        m_dataType->setCurrentIndex(m_dataType->findData(kFile));
    }
}

void GenesPage::setSample(const QString& biosampleId)
{
    if (biosampleId == m_biosampleId)
        return;
    m_biosampleId = biosampleId;
    restart();
}

void GenesPage::restart()
{
    m_model->clear();
    m_section->reset();
    const bool files = dataType() == kFile;
    for (int c = 0; c < GeneAbundanceModel::ColumnCount; ++c)
        m_section->table()->setColumnHidden(c, GeneAbundanceModel::isFileColumn(c) != files);
    m_download->setVisible(files);
    updateDownload();
    const QString catalog = this->catalog();
    const QString type = dataType();
    if (!m_api || m_biosampleId.isEmpty()) {
        m_loader.reset();
    } else {
        PlatformApi* api = m_api;
        const QString id = m_biosampleId;
        const int pageSize = m_pageSize;
        m_loader.reset([api, id, catalog, type, pageSize](const PageToken& page) {
            return api->geneAbundance(id, catalog, type, {}, page, pageSize);
        });
    }
    m_section->exportButton()->setSuggestedName(u"genes-%1-%2-%3"_s.arg(m_biosampleId, catalog, type));
    m_section->setPaging(false, m_loader.hasMore());
    if (isVisible())
        ensureLoaded();
}

void GenesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureLoaded();
}

void GenesPage::ensureLoaded()
{
    if (!m_loader.isStarted())
        loadMore();
}

void GenesPage::loadMore()
{
    fetchNextPage(
        m_loader, m_model, m_section, this, [this] { loadMore(); }, [this] { updateDownload(); });
}

void GenesPage::updateDownload()
{
    const bge::GeneAbundance* gene = m_model->gene(m_section->currentSourceRow());
    m_download->setEnabled(gene && gene->isFile());
}

void GenesPage::downloadCurrent()
{
    const bge::GeneAbundance* gene = m_model->gene(m_section->currentSourceRow());
    if (!gene || !gene->isFile())
        return;
    // The platform's file name when it gives one; the object's own name otherwise.
    QString name = safeFileName(gene->fileName);
    if (name.isEmpty())
        name = safeFileName(gene->fileObjectName);
    Q_EMIT downloadRequested(gene->fileObjectName, name.isEmpty() ? u"download"_s : name);
}

} // namespace bge::ui
