#pragma once

class QChart;
class QPalette;

namespace bge::ui {

// Charts follow the application's palette, light or dark: background, text, grid lines.
// Series colours stay those of the matching Qt Charts theme, chosen for contrast.
void applyPaletteToChart(QChart* chart, const QPalette& palette);

} // namespace bge::ui
