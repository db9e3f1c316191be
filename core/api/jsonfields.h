#pragma once

#include "apierror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace bge {

// Reads typed fields out of a JSON object and remembers the first problem, named by its
// path ("sample.organism.code: expected a number, got a string"). Optional fields may be
// missing or null; a field of the wrong type is always an error, never a silent default.
class JsonFields final
{
public:
    JsonFields(const QJsonValue& value, QString path);

    bool isObject() const { return m_isObject; }
    const QJsonObject& object() const { return m_object; }
    bool ok() const { return m_problem.isEmpty(); }
    ApiError error() const { return ApiError::malformed(m_problem); }

    QString requiredString(QStringView key);
    QString string(QStringView key);
    // Identifiers some servers send as numbers ("sex": 1, "birthday": "…"): accepts both.
    QString stringOrNumber(QStringView key);
    std::optional<double> number(QStringView key);
    double requiredNumber(QStringView key);
    std::optional<qint64> integer(QStringView key);
    qint64 requiredInteger(QStringView key);
    std::optional<bool> boolean(QStringView key);
    QJsonObject objectField(QStringView key);
    QJsonArray array(QStringView key);
    QStringList stringList(QStringView key);

    QString childPath(QStringView key) const;
    // Records a problem found by the caller (only the first is kept).
    void fail(const QString& problem);
    // Adopts a nested reader's problem.
    void merge(const JsonFields& nested);

private:
    QJsonValue field(QStringView key, bool required);
    void wrongType(QStringView key, const char* expected, const QJsonValue& got);

    QJsonObject m_object;
    QString m_path;
    QString m_problem;
    bool m_isObject = false;
};

QString jsonTypeName(const QJsonValue& value);
// A value as one line of JSON text: objects and arrays compact, scalars as text, null as "null".
QString compactJson(const QJsonValue& value);
// The integer a JSON number holds, when it holds one exactly (|n| <= 2^53); never casts a
// value out of range (1e300 is not an integer here, not undefined behaviour).
std::optional<qint64> exactInteger(const QJsonValue& value);

} // namespace bge
