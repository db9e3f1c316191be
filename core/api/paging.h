#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bge {

// Where a page starts. The platform pages samples and taxa by number and functions and
// genes by an opaque cursor; callers see one concept and hand back what the last page gave.
class PageToken final
{
public:
    PageToken() = default; // the first page
    static PageToken pageNumber(qint64 number);
    static PageToken cursor(const QString& cursor);
    // Parses what toString() printed: digits are a page number, anything else a cursor.
    static PageToken fromString(const QString& text);

    bool isFirst() const { return !m_number && m_cursor.isEmpty(); }
    std::optional<qint64> number() const { return m_number; }
    const QString& cursorText() const { return m_cursor; }
    QString toString() const;

    bool operator==(const PageToken& other) const = default;

private:
    std::optional<qint64> m_number;
    QString m_cursor;
};

template <typename T>
struct Page
{
    QList<T> items;
    std::optional<qint64> total; // when the platform says how many there are in all
    std::optional<PageToken> next; // absent on the last page
    std::optional<qint64> limit;   // page size, when the platform says it
    bool hasNext() const { return next.has_value(); }
};

} // namespace bge
