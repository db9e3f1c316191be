#include "taborder.h"

#include <QList>
#include <QWidget>

#include <algorithm>

namespace bge::ui {

namespace {

// `container` and the widgets under it that Tab stops at, in the window's focus chain order.
QList<QWidget*> tabStopsWithin(QWidget* container)
{
    QList<QWidget*> stops;
    QWidget* w = container;
    do {
        const bool inside = w == container || container->isAncestorOf(w);
        if (inside && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy())
            stops.append(w);
        w = w->nextInFocusChain();
    } while (w && w != container);
    return stops;
}

} // namespace

void orderTabStops(std::initializer_list<QWidget*> widgets)
{
    // A widget named in the list takes its place there, even if it lies inside a container
    // named before it.
    QList<QWidget*> stops;
    for (QWidget* w : widgets) {
        for (QWidget* stop : tabStopsWithin(w)) {
            const bool namedElsewhere =
                stop != w && std::find(widgets.begin(), widgets.end(), stop) != widgets.end();
            if (!namedElsewhere && !stops.contains(stop))
                stops.append(stop);
        }
    }
    for (qsizetype i = 1; i < stops.size(); ++i)
        QWidget::setTabOrder(stops[i - 1], stops[i]);
}

} // namespace bge::ui
