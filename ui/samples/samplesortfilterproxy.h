#pragma once

#include <QSortFilterProxyModel>

namespace bge::ui {

class SampleTableModel;

// The sample table as shown: the quick search and the header's sort over the loaded rows.
// Both read what the model computed once per row (its search text and sort keys), so that a
// key typed or a header clicked over 100,000 rows costs one comparison per row or pair,
// not a formatting of every cell (issue 16).
class SampleSortFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SampleSortFilterProxy(SampleTableModel* source, QObject* parent = nullptr);

    // Rows whose shown texts contain `text`, whatever the case; empty: every row.
    void setSearchText(const QString& text);
    const QString& searchText() const { return m_needle; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    SampleTableModel* m_source;
    QString m_needle; // case-folded
};

} // namespace bge::ui
