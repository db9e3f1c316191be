#include "omicserror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

QByteArray OmicsError::body() const
{
    return QJsonDocument(QJsonObject{{u"message"_s, message}}).toJson(QJsonDocument::Compact);
}

OmicsError OmicsError::validation(const QString& message)
{
    return {400, "ValidationException", message};
}

OmicsError OmicsError::violations(const QStringList& violations)
{
    // The Coral validator's wording; it lists at most 10 of them.
    const QStringList shown = violations.mid(0, 10);
    return validation(u"%1 validation error%2 detected: %3"_s.arg(violations.size())
                          .arg(violations.size() == 1 ? QString() : u"s"_s, shown.join(u"; "_s)));
}

OmicsError OmicsError::serialization(const QString& message)
{
    return {400, "SerializationException", message};
}

OmicsError OmicsError::notFound(const QString& message)
{
    return {404, "ResourceNotFoundException", message};
}

OmicsError OmicsError::conflict(const QString& message)
{
    return {409, "ConflictException", message};
}

OmicsError OmicsError::rangeNotSatisfiable(const QString& message)
{
    return {416, "RangeNotSatisfiableException", message};
}

OmicsError OmicsError::throttling()
{
    return {429, "ThrottlingException", u"Rate exceeded"_s};
}

OmicsError OmicsError::internal()
{
    return {500, "InternalServerException", u"An internal error occurred. Try again."_s};
}

OmicsError OmicsError::unknownOperation()
{
    return {404, "UnknownOperationException", u"The requested operation is not recognized by the service."_s};
}

namespace violation {

namespace {
QString head(const QString& member, const QString& value)
{
    return u"Value '%1' at '%2' failed to satisfy constraint: "_s.arg(value, member);
}
} // namespace

QString tooSmall(const QString& member, const QString& value, qint64 minimum)
{
    return head(member, value) + u"Member must have value greater than or equal to %1"_s.arg(minimum);
}

QString tooLarge(const QString& member, const QString& value, qint64 maximum)
{
    return head(member, value) + u"Member must have value less than or equal to %1"_s.arg(maximum);
}

QString tooShort(const QString& member, const QString& value, qint64 minimum)
{
    return head(member, value) + u"Member must have length greater than or equal to %1"_s.arg(minimum);
}

QString tooLong(const QString& member, const QString& value, qint64 maximum)
{
    return head(member, value) + u"Member must have length less than or equal to %1"_s.arg(maximum);
}

QString pattern(const QString& member, const QString& value, const QString& regex)
{
    return head(member, value) + u"Member must satisfy regular expression pattern: %1"_s.arg(regex);
}

QString notInEnum(const QString& member, const QString& value, const QStringList& allowed)
{
    return head(member, value) + u"Member must satisfy enum value set: [%1]"_s.arg(allowed.join(u", "_s));
}

QString missing(const QString& member)
{
    return u"Value null at '%1' failed to satisfy constraint: Member must not be null"_s.arg(member);
}

} // namespace violation

} // namespace bge::sandbox::omics
