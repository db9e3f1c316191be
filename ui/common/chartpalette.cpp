#include "chartpalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QColor>
#include <QLegend>
#include <QPalette>

#include <iterator>

namespace bge::ui {

void applyPaletteToChart(QChart* chart, const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // setTheme resets series colours; only switch when the darkness actually changed.
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Mid);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.brush(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(palette.color(QPalette::Dark));
    }
}

QColor categoryColour(int index)
{
    static constexpr QRgb kColours[] = {0x4477aa, 0xcc6677, 0x117733, 0xddcc77, 0x88ccee,
                                        0x882255, 0x44aa99, 0x999933, 0xaa4499, 0x332288,
                                        0xee6677, 0x228833, 0xccbb44, 0x66ccee, 0xaa3377};
    constexpr int count = int(std::size(kColours));
    return QColor::fromRgb(kColours[((index % count) + count) % count]);
}

QColor restColour(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0x77, 0x77, 0x77) : QColor(0xbb, 0xbb, 0xbb);
}

} // namespace bge::ui
