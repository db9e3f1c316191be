#pragma once

class QChartView;
class QWidget;

namespace bge::ui {

// `content` in a frameless vertical scroll area named after it ("…Scroll"), the keyboard left
// to the content: for what needs more height than a short window gives (a long form).
QWidget* scrollable(QWidget* content, QWidget* parent);

// A chart the same way. A chart asks for the height its rows' labels need (chartlayout.h);
// where the window is shorter than that (1024×700, a CJK font) the chart scrolls instead of
// cutting its labels to "…" or making the window taller than the screen.
QWidget* scrollable(QChartView* chart, QWidget* parent);

} // namespace bge::ui
