#pragma once

class QTableView;

namespace bge::ui {

// Columns as wide as their contents and header, but none wider than `maxWidth` pixels, so a
// long lineage or an indel's alleles do not push every other column out of sight (the full
// text stays in the cell's tooltip or the detail pane).
void fitColumnsToContents(QTableView* view, int maxWidth = 320);

} // namespace bge::ui
