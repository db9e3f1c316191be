#pragma once

#include <QStringList>

namespace bge::cli {

// Aligned text tables for people: columns padded to the widest cell, measured in terminal
// cells (CJK characters take two), long cells cut with an ellipsis.
class TablePrinter final
{
public:
    explicit TablePrinter(QStringList headers) : m_headers(std::move(headers)) {}

    void addRow(QStringList cells);
    void setMaxColumnWidth(int cells) { m_maxWidth = cells; }
    QString render() const;
    bool isEmpty() const { return m_rows.isEmpty(); }

    static int displayWidth(QStringView text);
    static QString fitted(const QString& text, int width);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    int m_maxWidth = 60;
};

// Control characters from remote text replaced by spaces.
QString printable(QString text);

// "Key: value" lines with the keys aligned.
QString renderFields(const QList<std::pair<QString, QString>>& fields);

} // namespace bge::cli
