#pragma once

#include <QList>
#include <QStringList>

namespace bge::ui {

// An item of the rsid box that is not an rsid, and where it is, for pointing at it.
struct RsidProblem
{
    QString text;
    qsizetype offset = 0; // in the text, UTF-16 code units
    qsizetype length = 0;
    int line = 1; // 1-based, as an editor shows them
    int column = 1;
};

// What a person typed or pasted into the rsid box, read with any separator.
struct RsidList
{
    QStringList rsids;           // valid, lower-cased, first occurrence of each, in order
    QList<RsidProblem> problems; // items that are not rs<digits>, in order
    int duplicates = 0;

    static RsidList parse(const QString& text);
};

} // namespace bge::ui
