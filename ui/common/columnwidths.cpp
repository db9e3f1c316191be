#include "columnwidths.h"

#include <QHeaderView>
#include <QTableView>

namespace bge::ui {

void fitColumnsToContents(QTableView* view, int maxWidth)
{
    view->resizeColumnsToContents();
    QHeaderView* header = view->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (header->sectionSize(column) > maxWidth)
            header->resizeSection(column, maxWidth);
    }
}

} // namespace bge::ui
