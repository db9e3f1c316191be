#pragma once

class QChart;
class QColor;
class QPalette;

namespace bge::ui {

// Charts follow the application's palette, light or dark: background, text, grid lines.
// Series colours stay those of the matching Qt Charts theme, chosen for contrast.
void applyPaletteToChart(QChart* chart, const QPalette& palette);

// The colour of the index-th category of a chart (taxa of a composition): Paul Tol's muted and
// bright schemes, told apart by people with colour-blindness; they repeat after 15.
QColor categoryColour(int index);
// The colour of "the rest" (Other): a neutral grey that reads on light and dark.
QColor restColour(const QPalette& palette);

} // namespace bge::ui
