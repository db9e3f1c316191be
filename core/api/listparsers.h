#pragma once

#include "envelope.h"
#include "jsonfields.h"
#include "paging.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bge {

// Parses every element of a JSON array with T::fromJson; the first bad element fails all.
template <typename T>
Result<QList<T>> parseList(const QJsonValue& value, const QString& what)
{
    if (!value.isArray())
        return ApiError::malformed(u"%1: expected an array, got %2"_s.arg(what, jsonTypeName(value)));
    QList<T> items;
    const QJsonArray array = value.toArray();
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<T> item = T::fromJson(array[i]);
        if (!item)
            return ApiError::malformed(u"%1[%2]: %3"_s.arg(what).arg(i).arg(item.error().detail()));
        items.append(std::move(item.value()));
    }
    return items;
}

// {"result": [...], "count": N, "next_page": 2 | "cursor" | null}: samples, functions, genes.
template <typename T>
Result<Page<T>> parseResultPage(const Envelope& envelope, const QString& what)
{
    JsonFields f(envelope.data, what);
    const QJsonValue result = f.object().value(u"result");
    const std::optional<qint64> count = f.integer(u"count");
    const QJsonValue next = f.object().value(u"next_page");
    const std::optional<qint64> limit = f.integer(u"limit");
    if (!f.ok())
        return f.error();
    Result<QList<T>> items = parseList<T>(result.isNull() ? QJsonValue(QJsonArray()) : result, what + u".result");
    if (!items)
        return items.error();
    Page<T> page;
    page.items = std::move(items.value());
    page.total = count;
    page.limit = limit;
    if (const std::optional<qint64> number = exactInteger(next); number && *number >= 1)
        page.next = PageToken::pageNumber(*number);
    else if (next.isString() && !next.toString().isEmpty())
        page.next = PageToken::cursor(next.toString());
    else if (!next.isNull() && !next.isUndefined() && !(next.isString() && next.toString().isEmpty()))
        return ApiError::malformed(u"%1.next_page: expected a page number, a cursor or null, got %2"_s.arg(
            what, jsonTypeName(next)));
    return page;
}

} // namespace bge
