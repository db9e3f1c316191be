#include "itemlist.h"

#include <QRegularExpression>

namespace bge {

using namespace Qt::StringLiterals;

QList<ListItem> splitListItems(const QString& text)
{
    static const QRegularExpression kItem(u"[^\\s,;]+"_s);
    QList<ListItem> items;
    for (const QRegularExpressionMatch& m : kItem.globalMatch(text))
        items.append({m.captured(), m.capturedStart()});
    return items;
}

QStringList splitItems(const QString& text)
{
    QStringList items;
    for (const ListItem& item : splitListItems(text))
        items.append(item.text);
    return items;
}

} // namespace bge
