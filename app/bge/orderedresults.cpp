#include "orderedresults.h"

#include "output.h"

namespace bge::cli {

OrderedResults::OrderedResults(int count, bool printLines) : m_entries(count), m_printLines(printLines) {}

void OrderedResults::succeeded(int index, const QJsonObject& json, const QString& line)
{
    m_entries[index] = {true, true, json, line};
    printReady();
}

void OrderedResults::failed(int index)
{
    m_entries[index].settled = true;
    printReady();
}

void OrderedResults::printReady()
{
    while (m_printed < m_entries.size() && m_entries[m_printed].settled) {
        Entry& e = m_entries[m_printed++];
        if (m_printLines && e.ok)
            printOut(e.line + u'\n');
        e.line.clear();
    }
}

QJsonArray OrderedResults::json() const
{
    QJsonArray list;
    for (const Entry& e : m_entries) {
        if (e.ok)
            list.append(e.json);
    }
    return list;
}

} // namespace bge::cli
