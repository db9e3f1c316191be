#include "chartscroll.h"

#include <QChartView>
#include <QScrollArea>

namespace bge::ui {

QWidget* scrollable(QWidget* content, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setObjectName(content->objectName() + QStringLiteral("Scroll"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    // The content takes the keyboard, not the frame around it.
    area->setFocusPolicy(Qt::NoFocus);
    area->setWidget(content);
    return area;
}

QWidget* scrollable(QChartView* chart, QWidget* parent)
{
    QWidget* area = scrollable(static_cast<QWidget*>(chart), parent);
    static_cast<QScrollArea*>(area)->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Short enough to give way; the chart keeps its own minimum inside.
    area->setMinimumHeight(160);
    return area;
}

} // namespace bge::ui
