#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bge::cli {

// The results of a command's files in the order they were given, whatever order they finish
// in: a line on stdout for each, printed as soon as every file before it has finished, and the
// JSON list at the end. A failed file has neither (its error goes to stderr).
class OrderedResults final
{
public:
    // `printLines`: false with --json (stdout carries the JSON only).
    OrderedResults(int count, bool printLines);

    void succeeded(int index, const QJsonObject& json, const QString& line);
    void failed(int index);
    QJsonArray json() const;

private:
    struct Entry
    {
        bool settled = false;
        bool ok = false;
        QJsonObject json;
        QString line;
    };
    void printReady();

    QList<Entry> m_entries;
    bool m_printLines;
    int m_printed = 0; // entries before this one are settled and printed
};

} // namespace bge::cli
