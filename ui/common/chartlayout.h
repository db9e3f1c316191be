#pragma once

#include <QStringList>

class QAbstractAxis;

namespace bge::ui {

// The height a chart needs so that each of `rows` categories on its vertical `axis` keeps its
// label whole. Qt Charts gives a vertical category label the axis' whole height divided by the
// categories plus two, less its padding, and cuts a label taller than that to "…" however wide
// the axis is; so the height is set by the rows and by how tall the labels are drawn (taller
// with a CJK interface font), not by taste.
int heightForRows(const QAbstractAxis* axis, const QStringList& labels, int rows);

} // namespace bge::ui
