#pragma once

#include <QTableView>

namespace bge::ui {

// A table of records (samples, read sets, transfers, taxa …): one row is one thing, chosen
// whole, never edited in place. Tab leaves the table for the next widget instead of walking
// its cells, so a keyboard user is not trapped in a list of ten thousand rows; the arrow keys
// move within it.
class RecordTable : public QTableView
{
    Q_OBJECT
public:
    explicit RecordTable(QWidget* parent = nullptr);
};

} // namespace bge::ui
