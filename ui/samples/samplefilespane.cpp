#include "samplefilespane.h"

#include "samplefilesmodel.h"

#include "api/records/sample.h"
#include "common/recordtable.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

SampleFilesPane::SampleFilesPane(QWidget* parent)
    : QWidget(parent), m_model(new SampleFilesModel(this)), m_view(new RecordTable(this)),
      m_state(new QLabel(this)), m_download(new QPushButton(tr("&Download"), this)),
      m_downloadAction(new QAction(tr("Download"), this)),
      m_copyAction(new QAction(tr("Copy object name"), this))
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SampleFilesModel::SortRole);
    m_view->setObjectName(u"filesView"_s);
    m_view->setAccessibleName(tr("Files of the sample"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // object names differ at their end
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_downloadAction);
    m_view->addAction(m_copyAction);
    m_state->setObjectName(u"filesState"_s);
    m_state->setWordWrap(true);
    m_download->setObjectName(u"downloadButton"_s);
    m_downloadAction->setObjectName(u"downloadAction"_s);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_state, 1);
    buttons->addWidget(m_download);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_download, &QPushButton::clicked, this, &SampleFilesPane::downloadSelected);
    connect(m_downloadAction, &QAction::triggered, this, &SampleFilesPane::downloadSelected);
    connect(m_view, &QTableView::activated, this, &SampleFilesPane::downloadSelected);
    connect(m_copyAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            QGuiApplication::clipboard()->setText(current.data(SampleFilesModel::ObjectNameRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SampleFilesPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SampleFilesPane::updateActions);
    setSample({}, {});
}

void SampleFilesPane::setSample(const Sample& sample, const QString& unknownFilesText)
{
    m_model->setFiles(sample.files);
    if (sample.biosampleId.isEmpty())
        m_state->clear();
    else if (!sample.filesRequested)
        m_state->setText(unknownFilesText);
    else if (sample.files.isEmpty())
        m_state->setText(tr("No files are attached to this sample."));
    else
        m_state->setText(tr("%n file(s)", nullptr, int(sample.files.size())));
    if (m_model->rowCount() > 0) {
        m_view->resizeColumnsToContents();
        m_view->selectRow(0);
    }
    updateActions();
}

void SampleFilesPane::downloadSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const auto* proxy = static_cast<QSortFilterProxyModel*>(m_view->model());
    const SampleFile& file = m_model->fileAt(proxy->mapToSource(rows.first()).row());
    Q_EMIT downloadRequested(file.objectName, SampleFilesModel::suggestedFileName(file));
}

void SampleFilesPane::updateActions()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    m_download->setEnabled(selected);
    m_downloadAction->setEnabled(selected);
    m_copyAction->setEnabled(selected);
}

} // namespace bge::ui
