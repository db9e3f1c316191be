#include "tableexporter.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QSaveFile>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Spreadsheets run a cell starting with one of these as a formula ("CSV injection"). Data
// from the platform is not trusted to be free of them.
bool looksLikeFormula(const QString& text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    if (first != u'=' && first != u'+' && first != u'-' && first != u'@')
        return false;
    bool isNumber = false;
    text.toDouble(&isNumber);
    return !isNumber;
}

QString cellText(const QAbstractItemModel& model, int row, int column)
{
    return model.data(model.index(row, column), Qt::DisplayRole).toString();
}

} // namespace

TableExporter::Options TableExporter::defaultOptions(Format format)
{
    Options options;
    options.format = format;
    options.byteOrderMark = format == Format::Csv;
    return options;
}

QList<int> TableExporter::visibleColumns(const QHeaderView& header)
{
    QList<int> columns;
    for (int visual = 0; visual < header.count(); ++visual) {
        const int logical = header.logicalIndex(visual);
        if (!header.isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

TableExporter::Format TableExporter::formatForFileName(const QString& fileName)
{
    for (const QString& suffix : {u".tsv"_s, u".tab"_s, u".txt"_s}) {
        if (fileName.endsWith(suffix, Qt::CaseInsensitive))
            return Format::Tsv;
    }
    return Format::Csv;
}

QString TableExporter::csvField(const QString& text)
{
    const QString value = looksLikeFormula(text) ? u'\'' + text : text;
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
                             value.contains(u'\r') ||
                             (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!needsQuotes)
        return value;
    return u'"' + QString(value).replace(u"\""_s, u"\"\""_s) + u'"';
}

QString TableExporter::tsvField(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray TableExporter::render(const QAbstractItemModel& model, const Options& options)
{
    QList<int> columns = options.columns;
    if (columns.isEmpty()) {
        for (int c = 0; c < model.columnCount(); ++c)
            columns.append(c);
    }
    const bool csv = options.format == Format::Csv;
    const QString separator = csv ? u","_s : u"\t"_s;
    const QString lineEnd = csv ? u"\r\n"_s : u"\n"_s; // RFC 4180 wants CRLF
    const auto field = csv ? &TableExporter::csvField : &TableExporter::tsvField;

    QString text;
    const auto appendLine = [&](const QStringList& cells) {
        QStringList escaped;
        escaped.reserve(cells.size());
        for (const QString& cell : cells)
            escaped.append(field(cell));
        text += escaped.join(separator) + lineEnd;
    };
    QStringList header;
    for (const int c : columns)
        header.append(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    appendLine(header);
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (const int c : columns)
            cells.append(cellText(model, row, c));
        appendLine(cells);
    }
    QByteArray bytes = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return bytes + text.toUtf8();
}

bool TableExporter::writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace bge::ui
