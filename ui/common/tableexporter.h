#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QHeaderView;

namespace bge::ui {

// What a table shows, as a file a spreadsheet or a script reads: CSV per RFC 4180 or TSV,
// always UTF-8. The header row is the model's horizontal header; then one line per top-level
// row, in the model's order (export the proxy a view shows to keep its sorting and filter).
class TableExporter final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::TableExporter)

public:
    enum class Format
    {
        Csv,
        Tsv
    };

    struct Options
    {
        Format format = Format::Csv;
        // Excel reads a BOM-less CSV in the system's ANSI code page (GBK on Chinese Windows) and
        // garbles every CJK name; scripts (pandas, R) read TSV and trip over a BOM. Hence the
        // default: a BOM for CSV, none for TSV.
        bool byteOrderMark = true;
        // Columns in the order to write them; empty means every column in model order.
        QList<int> columns;
    };

    static Options defaultOptions(Format format);
    // Logical columns in the order the header shows them, hidden ones left out.
    static QList<int> visibleColumns(const QHeaderView& header);
    // ".tsv", ".tab" and ".txt" are TSV; anything else is CSV.
    static Format formatForFileName(const QString& fileName);

    static QByteArray render(const QAbstractItemModel& model, const Options& options);
    // Quoted when needed ("a,b" → "\"a,b\"", quotes doubled); a text cell that a spreadsheet
    // would run as a formula (=, +, -, @ first, and not a number) gets a leading apostrophe.
    static QString csvField(const QString& text);
    // TSV has no quoting: backslash, tab, CR and LF are written as \\, \t, \r and \n.
    static QString tsvField(const QString& text);

    // Replaces `path` only once every byte is written (QSaveFile); false with a sentence in
    // `error` otherwise, and the previous file untouched.
    static bool writeFile(const QString& path, const QByteArray& bytes, QString* error);
};

} // namespace bge::ui
