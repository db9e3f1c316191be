#include "rsidlist.h"

#include "api/itemlist.h"
#include "api/platformapi.h"

#include <QSet>

namespace bge::ui {

RsidList RsidList::parse(const QString& text)
{
    RsidList list;
    QSet<QString> seen;
    int line = 1;
    qsizetype lineStart = 0;
    qsizetype scanned = 0;
    for (const ListItem& item : splitListItems(text)) {
        // The platform only takes lower case; "RS671" copied from a paper means rs671.
        const QString rsid = item.text.toLower();
        if (!PlatformApi::invalidRsids({rsid}).isEmpty()) {
            for (; scanned < item.offset; ++scanned) {
                if (text[scanned] == u'\n') {
                    ++line;
                    lineStart = scanned + 1;
                }
            }
            list.problems.append(
                {item.text, item.offset, item.text.size(), line, int(item.offset - lineStart) + 1});
        } else if (seen.contains(rsid)) {
            ++list.duplicates;
        } else {
            seen.insert(rsid);
            list.rsids.append(rsid);
        }
    }
    return list;
}

} // namespace bge::ui
