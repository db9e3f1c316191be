#pragma once

#include <QBoxLayout>
#include <QWidget>

namespace bge::ui {

// Lays `page` out with `column` in the middle: four fifths of the width, a little above centre.
// Stretches rather than an alignment flag: an aligned widget gets its size hint, which is too
// short for word-wrapped text at the width it ends up with.
inline void placeInCentredColumn(QWidget* page, QWidget* column)
{
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto* outer = new QVBoxLayout(page);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

} // namespace bge::ui
