#pragma once

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace bge::ui {

class ErrorBanner;
class ExportButton;

// What each abundance tab shares: a problem banner, a local filter, the sortable table of a
// server-paged model, "Load more", a status line and export.
class PagedTableSection final : public QWidget
{
    Q_OBJECT
public:
    PagedTableSection(QAbstractItemModel* model, int sortRole, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    ErrorBanner* banner() const { return m_banner; }
    ExportButton* exportButton() const { return m_export; }
    QPushButton* loadMoreButton() const { return m_loadMore; }
    QString status() const;

    void setStatus(const QString& text);
    // A new query: clears the status and lets the next page size the columns again.
    void reset();
    // "120 rows loaded (of 300); more on the platform" and the like.
    void showLoaded(qsizetype rows, std::optional<qint64> total, bool hasMore);
    // While a page loads "Load more" is off; after the last page it stays off.
    void setPaging(bool loading, bool hasMore);
    // Adds a button beside "Load more" (e.g. Download).
    void addAction(QWidget* widget);
    // The source row of the table's current row, -1 when none.
    int currentSourceRow() const;

Q_SIGNALS:
    void loadMoreRequested();

private:
    ErrorBanner* m_banner;
    QLineEdit* m_filter;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_status;
    QPushButton* m_loadMore;
    ExportButton* m_export;
    QHBoxLayout* m_actions;
    bool m_fitted = false;
};

} // namespace bge::ui
