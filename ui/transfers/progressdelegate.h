#pragma once

#include <QStyledItemDelegate>

namespace bge::ui {

// Paints the cells of the column it is set on as progress bars (QStyleOptionProgressBar, in
// the view's style) from TransferListModel::ProgressRole, with the cell's text on the bar.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace bge::ui
