#include "recordtable.h"

namespace bge::ui {

RecordTable::RecordTable(QWidget* parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);
}

} // namespace bge::ui
