#include "tableprinter.h"

#include <algorithm>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

bool isWide(char32_t c)
{
    // East Asian Wide and Fullwidth ranges (Unicode 15, abridged to the common blocks).
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
           || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
           || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
           || (c >= 0x20000 && c <= 0x3FFFD);
}

int charWidth(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return 0;
    return isWide(c) ? 2 : 1;
}

} // namespace

QString printable(QString text)
{
    // Text from the server is shown, never interpreted: control characters (newlines that
    // would break a table, ESC sequences that would drive the terminal) become spaces.
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return text;
}

int TablePrinter::displayWidth(QStringView text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += charWidth(c);
    return width;
}

QString TablePrinter::fitted(const QString& text, int width)
{
    if (displayWidth(text) <= width)
        return text;
    QString out;
    int used = 0;
    for (const char32_t c : text.toUcs4()) {
        const int w = charWidth(c);
        if (used + w > width - 1)
            break;
        out += QString::fromUcs4(&c, 1);
        used += w;
    }
    return out + u"…"_s;
}

void TablePrinter::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    for (QString& c : cells)
        c = fitted(printable(c), m_maxWidth);
    m_rows.append(std::move(cells));
}

QString TablePrinter::render() const
{
    QList<int> widths;
    for (const QString& h : m_headers)
        widths.append(displayWidth(h));
    for (const QStringList& row : m_rows) {
        for (qsizetype i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    const auto line = [&](const QStringList& cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const bool last = i + 1 == widths.size();
            out += cells[i];
            if (!last)
                out += QString(widths[i] - displayWidth(cells[i]) + 2, u' ');
        }
        while (out.endsWith(u' '))
            out.chop(1);
        return out + u'\n';
    };
    QString text = line(m_headers);
    for (const QStringList& row : m_rows)
        text += line(row);
    return text;
}

QString renderFields(const QList<std::pair<QString, QString>>& fields)
{
    int width = 0;
    for (const auto& [key, value] : fields)
        width = std::max(width, TablePrinter::displayWidth(key));
    QString out;
    for (const auto& [key, value] : fields)
        out += key + u':' + QString(width - TablePrinter::displayWidth(key) + 1, u' ') + printable(value) + u'\n';
    return out;
}

} // namespace bge::cli
