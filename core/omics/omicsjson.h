#pragma once

#include "api/jsonfields.h"
#include "api/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <optional>

namespace bge::omics {

// A HealthOmics timestamp: ISO 8601 with or without fractional seconds, with `Z` or ±hh:mm
// ("2023-11-20T23:40:47.437522+00:00", "2022-07-13T23:25:20Z"), or epoch seconds as a JSON
// number (what restJson1 clients also accept). Returned in UTC; invalid when neither.
QDateTime parseTimestamp(const QJsonValue& value);
// What requests carry: "2024-01-02T03:04:05Z" (milliseconds only when non-zero, like botocore).
QString formatTimestamp(const QDateTime& time);

QDateTime requiredTimestamp(JsonFields& fields, QStringView key);
QDateTime optionalTimestamp(JsonFields& fields, QStringView key);
// A string member from a closed set. A value this client does not know is kept as it is (AWS
// adds values, e.g. UBAM and PROCESSING_UPLOAD came later): the type must be right, the
// vocabulary may grow. Callers compare against the known constants.
QString enumString(JsonFields& fields, QStringView key, bool required);
// {"k": "v"}: every value a string.
QMap<QString, QString> stringMap(JsonFields& fields, QStringView key);

// One page of a List operation: the items and the token for the next page (empty on the last).
template <typename T> struct OmicsPage
{
    QList<T> items;
    QString nextToken;
    QJsonObject raw;
};

// Parses `key` of a List answer as an array of T (T::fromJson(value, path) → Result<T>).
template <typename T> Result<OmicsPage<T>> parsePage(const QJsonObject& body, QStringView key)
{
    JsonFields fields(body, QString());
    OmicsPage<T> page;
    page.raw = body;
    page.nextToken = fields.string(u"nextToken");
    if (!fields.object().contains(key))
        fields.fail(QStringLiteral("%1: missing").arg(key));
    const QJsonArray array = fields.array(key);
    if (!fields.ok())
        return fields.error();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<T> item = T::fromJson(array.at(i), QStringLiteral("%1[%2]").arg(key).arg(i));
        if (!item)
            return item.error();
        page.items.append(std::move(item.value()));
    }
    return page;
}

} // namespace bge::omics
