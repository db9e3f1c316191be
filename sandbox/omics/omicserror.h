#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bge::sandbox::omics {

// An error answer in the restJson1 shape the AWS front end gives: the status, the bare shape
// name in X-Amzn-ErrorType and a body {"message": ...}.
struct OmicsError
{
    int status = 500;
    QByteArray type;
    QString message;

    QByteArray body() const;

    static OmicsError validation(const QString& message);
    // "N validation error(s) detected: a; b" from the violations collected for one request.
    static OmicsError violations(const QStringList& violations);
    static OmicsError serialization(const QString& message);
    static OmicsError notFound(const QString& message);
    static OmicsError conflict(const QString& message);
    static OmicsError rangeNotSatisfiable(const QString& message);
    static OmicsError throttling();
    static OmicsError internal();
    static OmicsError unknownOperation();
};

// AWS validation phrases: "Value '0' at 'maxResults' failed to satisfy constraint: Member must ..."
namespace violation {
QString tooSmall(const QString& member, const QString& value, qint64 minimum);
QString tooLarge(const QString& member, const QString& value, qint64 maximum);
QString tooShort(const QString& member, const QString& value, qint64 minimum);
QString tooLong(const QString& member, const QString& value, qint64 maximum);
QString pattern(const QString& member, const QString& value, const QString& regex);
QString notInEnum(const QString& member, const QString& value, const QStringList& allowed);
QString missing(const QString& member);
} // namespace violation

} // namespace bge::sandbox::omics
