#include "pagedtablesection.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/exportbutton.h"
#include "common/recordtable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

PagedTableSection::PagedTableSection(QAbstractItemModel* model, int sortRole, QWidget* parent)
    : QWidget(parent), m_banner(new ErrorBanner(this)), m_filter(new QLineEdit(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new RecordTable(this)), m_status(new QLabel(this)),
      m_loadMore(new QPushButton(tr("Load &More"), this)), m_export(new ExportButton(m_table, this)),
      m_actions(new QHBoxLayout)
{
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter the loaded rows"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(u"table"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the platform's order until a header is clicked
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status->setObjectName(u"status"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_loadMore->setObjectName(u"loadMoreButton"_s);
    m_loadMore->setToolTip(tr("Fetch the next page from the platform"));
    m_loadMore->setEnabled(false);

    m_actions->addWidget(m_status, 1);
    m_actions->addWidget(m_loadMore);
    m_actions->addWidget(m_export);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addLayout(m_actions);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_loadMore, &QPushButton::clicked, this, &PagedTableSection::loadMoreRequested);
    connect(m_export, &ExportButton::failed, m_banner, &ErrorBanner::showMessage);
}

void PagedTableSection::reset()
{
    m_banner->clear();
    m_status->clear();
    m_fitted = false;
}

QString PagedTableSection::status() const
{
    return m_status->text();
}

void PagedTableSection::setStatus(const QString& text)
{
    m_status->setText(text);
}

void PagedTableSection::showLoaded(qsizetype rows, std::optional<qint64> total, bool hasMore)
{
    // Widths follow the first page; later pages would make the columns jump under the reader.
    if (!m_fitted && rows > 0) {
        fitColumnsToContents(m_table);
        m_fitted = true;
    }
    QString text = total ? tr("%n row(s) loaded of %1", nullptr, int(rows)).arg(*total)
                         : tr("%n row(s) loaded", nullptr, int(rows));
    // Taxa come without a total: only an empty page proves there is nothing more.
    if (!hasMore)
        text += tr("; all loaded");
    else
        text += total ? tr("; more on the platform") : tr("; more may be on the platform");
    setStatus(text);
}

void PagedTableSection::setPaging(bool loading, bool hasMore)
{
    m_loadMore->setEnabled(!loading && hasMore);
    m_loadMore->setText(loading ? tr("Loading…") : tr("Load &More"));
}

void PagedTableSection::addAction(QWidget* widget)
{
    m_actions->insertWidget(m_actions->indexOf(m_loadMore), widget);
}

int PagedTableSection::currentSourceRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    return current.isValid() ? current.row() : -1;
}

} // namespace bge::ui
