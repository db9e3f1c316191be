#pragma once

class QChartView;
class QWidget;

namespace bge::ui {

// A chart in a frameless vertical scroll area. A chart asks for the height its rows' labels
// need (chartlayout.h); where the window is shorter than that (1024×700, a CJK font) the
// chart scrolls instead of cutting its labels to "…" or making the window taller than the
// screen.
QWidget* scrollable(QChartView* chart, QWidget* parent);

} // namespace bge::ui
