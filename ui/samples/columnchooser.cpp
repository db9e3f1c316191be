#include "columnchooser.h"

#include <QHeaderView>
#include <QMenu>

namespace bge::ui {

using namespace Qt::StringLiterals;

ColumnChooser::ColumnChooser(QHeaderView* header)
    : QObject(header), m_header(header), m_menu(new QMenu(header))
{
    m_menu->setObjectName(u"columnMenu"_s);
    m_menu->setTitle(tr("Columns"));
    connect(m_menu, &QMenu::aboutToShow, this, &ColumnChooser::rebuild);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &ColumnChooser::showAt);
}

void ColumnChooser::showAt(const QPoint& pos)
{
    m_menu->popup(m_header->viewport()->mapToGlobal(pos));
}

void ColumnChooser::rebuild()
{
    m_menu->clear();
    QAbstractItemModel* model = m_header->model();
    if (!model)
        return;
    const int count = m_header->count();
    const int visible = count - m_header->hiddenSectionCount();
    // In the order the user sees (and may have rearranged) the columns.
    for (int visual = 0; visual < count; ++visual) {
        const int logical = m_header->logicalIndex(visual);
        const bool shown = !m_header->isSectionHidden(logical);
        QAction* a = m_menu->addAction(model->headerData(logical, m_header->orientation()).toString());
        a->setObjectName(u"column%1"_s.arg(logical));
        a->setCheckable(true);
        a->setChecked(shown);
        a->setEnabled(!shown || visible > 1);
        connect(a, &QAction::toggled, this, [this, logical](bool on) {
            m_header->setSectionHidden(logical, !on);
            Q_EMIT columnsChanged();
        });
    }
    m_menu->addSeparator();
    QAction* all = m_menu->addAction(tr("Show all columns"));
    all->setObjectName(u"showAllColumns"_s);
    all->setEnabled(m_header->hiddenSectionCount() > 0);
    connect(all, &QAction::triggered, this, [this] {
        for (int i = 0; i < m_header->count(); ++i)
            m_header->setSectionHidden(i, false);
        Q_EMIT columnsChanged();
    });
}

} // namespace bge::ui
