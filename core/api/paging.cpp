#include "paging.h"

namespace bge {

PageToken PageToken::pageNumber(qint64 number)
{
    PageToken t;
    t.m_number = number;
    return t;
}

PageToken PageToken::cursor(const QString& cursor)
{
    PageToken t;
    t.m_cursor = cursor;
    return t;
}

PageToken PageToken::fromString(const QString& text)
{
    bool isNumber = false;
    const qint64 n = text.toLongLong(&isNumber);
    if (isNumber && n > 0)
        return pageNumber(n);
    return text.isEmpty() ? PageToken() : cursor(text);
}

QString PageToken::toString() const
{
    return m_number ? QString::number(*m_number) : m_cursor;
}

} // namespace bge
