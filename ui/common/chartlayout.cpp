#include "chartlayout.h"

#include <QAbstractAxis>
#include <QGraphicsTextItem>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace bge::ui {

namespace {

// Qt Charts lays its labels out as rich text with a document margin of this size...
constexpr qreal kTextMargin = 4;
// ...and keeps 4 px of padding above and below each; two more for rounding.
constexpr int kLabelAllowance = 10;
// The chart's own margins around its plot area.
constexpr int kChartMargins = 24;

// How tall Qt Charts draws `text` in `font`: measured the way it measures, on a text item.
qreal drawnHeight(const QFont& font, const QString& text)
{
    QGraphicsTextItem item;
    item.document()->setDocumentMargin(kTextMargin);
    item.setFont(font);
    item.setHtml(text.toHtmlEscaped());
    return item.boundingRect().height();
}

} // namespace

int heightForRows(const QAbstractAxis* axis, const QStringList& labels, int rows)
{
    qreal tallest = drawnHeight(axis->labelsFont(), QStringLiteral("Xg"));
    for (const QString& label : labels)
        tallest = std::max(tallest, drawnHeight(axis->labelsFont(), label));
    const int perRow = int(std::ceil(tallest)) + kLabelAllowance;
    return (rows + 2) * perRow + kChartMargins;
}

} // namespace bge::ui
