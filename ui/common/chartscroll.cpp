#include "chartscroll.h"

#include <QChartView>
#include <QScrollArea>

namespace bge::ui {

QWidget* scrollable(QChartView* chart, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setObjectName(chart->objectName() + QStringLiteral("Scroll"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The chart takes the keyboard, not the frame around it.
    area->setFocusPolicy(Qt::NoFocus);
    area->setWidget(chart);
    // Short enough to give way; the chart keeps its own minimum inside.
    area->setMinimumHeight(160);
    return area;
}

} // namespace bge::ui
