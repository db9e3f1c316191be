#pragma once

#include <initializer_list>

class QWidget;

namespace bge::ui {

// Tab visits `widgets` in the order given, each with the widgets inside it in their own order,
// whatever order they were made in (a widget named in the list keeps its place there even if it
// lies inside a container named earlier): the focus chain follows creation, the eye follows the
// layout. Containers are expanded here because QWidget::setTabOrder moves only the widget it
// is given, not its children (Qt 6.4).
void orderTabStops(std::initializer_list<QWidget*> widgets);

} // namespace bge::ui
