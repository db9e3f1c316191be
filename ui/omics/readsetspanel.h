#pragma once

#include "omics/omicsconnection.h"
#include "readsetquery.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSettings;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTimer;

namespace bge {
class ApiError;
}

namespace bge::ui {

class ColumnChooser;
class ErrorBanner;
class ReadSetDetailView;
class ReadSetFilterBar;
class ReadSetTableModel;

// The read sets of one sequence store: the service's filters, a quick search through the
// loaded rows (never a request), a lazily paged sortable table and the selected read set's
// details. Filters, the header (order, widths, hidden columns, sort) and the splitter are
// remembered in `settings` under "omics/readSets".
class ReadSetsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ReadSetsPanel(QSettings* settings, QWidget* parent = nullptr);
    ~ReadSetsPanel() override;

    // Shows the read sets of `storeId` (empty: none) through `connection`.
    void setStore(omics::OmicsConnection* connection, const QString& storeId);
    // Loads the first page again with the current filters.
    void refresh();

    ReadSetTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    ReadSetFilterBar* filterBar() const { return m_filterBar; }
    ReadSetDetailView* detailView() const { return m_detail; }
    QLineEdit* quickSearch() const { return m_search; }
    ErrorBanner* banner() const { return m_banner; }
    QString statusText() const;
    void focusQuickSearch();
    // Selects the read set `id`, loading further pages until it is found or none are left
    // (e.g. one an import job just created); the quick search is cleared if it would hide it.
    void selectReadSet(const QString& id);

Q_SIGNALS:
    void downloadRequested(const QString& storeId, const QString& readSetId, const QString& file,
                           const QString& suggestedFileName);
    // Local files dropped on the table.
    void filesDropped(const QList<QUrl>& urls);

private:
    void restoreSettings();
    void saveSettings() const;
    void applyQuery(const ReadSetQuery& query);
    void onCurrentChanged();
    void onLoadFailed(const bge::ApiError& error);
    void updateStatus();
    bool selectPending();

    QSettings* m_settings;
    QPointer<omics::OmicsConnection> m_connection;
    ReadSetTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    ReadSetFilterBar* m_filterBar;
    QLineEdit* m_search;
    ErrorBanner* m_banner;
    QTableView* m_view;
    ReadSetDetailView* m_detail;
    QSplitter* m_splitter;
    QLabel* m_status;
    ColumnChooser* m_columns;
    QTimer* m_saveHeader;
    bool m_fitColumns = false;
    QString m_pendingSelection; // selectReadSet() waiting for its page
    bool m_reloadedForSelection = false;
};

} // namespace bge::ui
