#pragma once

#include <QList>
#include <QStringList>

namespace bge {

// One item of a list a person typed or pasted, and where it stood in the text, so that a
// bad item can be pointed at rather than merely named.
struct ListItem
{
    QString text;
    qsizetype offset = 0; // UTF-16 code units from the start of the text
};

// Splits on any mix of whitespace, commas and semicolons: a spreadsheet column, a CSV line or
// a sentence all give the same items. Empty items ("rs1,,rs2") are dropped, not reported:
// people paste trailing separators, and the platform would refuse them.
QList<ListItem> splitListItems(const QString& text);
QStringList splitItems(const QString& text);

} // namespace bge
