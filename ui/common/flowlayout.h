#pragma once

#include <QLayout>
#include <QList>

namespace bge::ui {

// Lays its widgets out left to right and starts a new line when the next one does not fit, so
// a row of controls can narrow with its pane instead of setting the pane's least width. On
// each line, widgets that expand horizontally (line edits) take their least width and share
// the width left over.
class FlowLayout final : public QLayout
{
    Q_OBJECT
public:
    explicit FlowLayout(QWidget* parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Places the items in `rect` (only measures when `apply` is false); returns the height used.
    int arrange(const QRect& rect, bool apply) const;
    int gap(Qt::Orientation orientation) const;

    QList<QLayoutItem*> m_items;
};

} // namespace bge::ui
