#pragma once

#include <QObject>

class QHeaderView;
class QMenu;
class QPoint;

namespace bge::ui {

// Show and hide a table's columns: from the header's context menu, or from menu() placed on a
// button for keyboard users. The last visible column cannot be hidden.
class ColumnChooser final : public QObject
{
    Q_OBJECT
public:
    explicit ColumnChooser(QHeaderView* header);

    QMenu* menu() const { return m_menu; }

Q_SIGNALS:
    void columnsChanged();

private:
    void rebuild();
    void showAt(const QPoint& pos);

    QHeaderView* m_header;
    QMenu* m_menu;
};

} // namespace bge::ui
