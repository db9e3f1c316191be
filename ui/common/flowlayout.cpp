#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace bge::ui {

FlowLayout::FlowLayout(QWidget* parent) : QLayout(parent) {}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item's least width: every other one can move to a line of its own.
    QSize least;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            least = least.expandedTo(item->minimumSize());
    }
    const QMargins m = contentsMargins();
    return least + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int width = 0;
    int visible = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width();
        ++visible;
    }
    width += std::max(0, visible - 1) * gap(Qt::Horizontal);
    const QMargins m = contentsMargins();
    width += m.left() + m.right();
    return {width, heightForWidth(width)};
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::gap(Qt::Orientation orientation) const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    if (!parent)
        return 6;
    return parent->style()->layoutSpacing(QSizePolicy::DefaultType, QSizePolicy::DefaultType, orientation,
                                          nullptr, parent);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int across = gap(Qt::Horizontal);
    const int down = gap(Qt::Vertical);

    struct Placed
    {
        QLayoutItem* item;
        int width;
    };
    QList<QList<Placed>> lines(1);
    int used = 0; // width taken on the current line
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        // An item that expands takes its least width here and its share of the line's spare
        // width below, so that it does not push its neighbours onto the next line.
        const bool expands = item->expandingDirections() & Qt::Horizontal;
        const int wanted = expands ? item->minimumSize().width() : item->sizeHint().width();
        const int width = std::max(item->minimumSize().width(), std::min(wanted, area.width()));
        const int needed = lines.last().isEmpty() ? width : used + across + width;
        if (!lines.last().isEmpty() && needed > area.width()) {
            lines.append(QList<Placed>());
            used = width;
        } else {
            used = needed;
        }
        lines.last().append({item, width});
    }

    int y = area.top();
    for (const QList<Placed>& line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        int height = 0;
        int taken = -across;
        int expanding = 0;
        for (const Placed& p : line) {
            height = std::max(height, p.item->sizeHint().height());
            taken += across + p.width;
            if (p.item->expandingDirections() & Qt::Horizontal)
                ++expanding;
        }
        const int spare = std::max(0, area.width() - taken);
        if (apply) {
            int x = area.left();
            int shared = 0;
            for (const Placed& p : line) {
                int width = p.width;
                if (expanding > 0 && (p.item->expandingDirections() & Qt::Horizontal)) {
                    // The last expanding item takes the rounding remainder.
                    const int share = ++shared == expanding ? spare - (spare / expanding) * (expanding - 1)
                                                            : spare / expanding;
                    width += share;
                }
                const int h =
                    std::min(height, std::max(p.item->sizeHint().height(), p.item->minimumSize().height()));
                p.item->setGeometry(QRect(x, y + (height - h) / 2, width, h));
                x += width + across;
            }
        }
        y += height + down;
    }
    const int contentHeight = y - down - area.top();
    const QMargins m = contentsMargins();
    return std::max(0, contentHeight) + m.top() + m.bottom();
}

} // namespace bge::ui
