#pragma once

#include "omics/omicsinputs.h"

class QSettings;

namespace bge::ui {

// What the read-set table asks for: the service's ReadSetFilter, plus a file type, which
// ListReadSets cannot filter on (its ReadSetFilter has no such member): the table follows the
// pages and keeps the read sets of that type, so the filter still covers the whole store.
struct ReadSetQuery
{
    omics::ReadSetFilter filter;
    QString fileType;

    bool operator==(const ReadSetQuery& other) const;
    bool isEmpty() const { return *this == ReadSetQuery(); }

    void save(QSettings& settings) const;
    static ReadSetQuery load(QSettings& settings);
};

} // namespace bge::ui
