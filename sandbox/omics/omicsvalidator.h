#pragma once

#include "omicserror.h"
#include "omicstime.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace bge::sandbox::omics {

// Constraints of the HealthOmics model (service-2.json) on one string member.
struct StringRule
{
    enum class Pattern
    {
        None,
        Digits,
        Name,
        Arn,
        ArnOrEmpty,
        RoleArn,
        S3Uri
    };
    bool required = false;
    int minLength = 1;
    int maxLength = 127;
    Pattern pattern = Pattern::None;
    QStringList allowed; // an enum's values; empty = any
};

// Checks one request's members and collects every violation, as the service's validator does,
// so that the answer lists them all ("2 validation errors detected: …"). A member of the wrong
// JSON type is a SerializationException, as the restJson1 deserializer gives it.
class Validator final
{
public:
    QString string(const QJsonObject& o, const QString& key, const QString& path, const StringRule& rule);
    std::optional<qint64> integer(const QJsonObject& o, const QString& key, const QString& path,
                                  bool required, qint64 lo, qint64 hi);
    QJsonObject object(const QJsonObject& o, const QString& key, const QString& path, bool required);
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path, bool required,
                     int minItems, int maxItems);
    std::optional<Micros> timestamp(const QJsonObject& o, const QString& key, const QString& path);
    QJsonObject tags(const QJsonObject& o, const QString& key, const QString& path);
    // A path label or query value that must be an id: digits, 10–36 long.
    void id(const QString& value, const QString& path);
    // A querystring integer (maxResults, partNumber); nullopt when absent.
    std::optional<qint64> queryInteger(const QString& raw, bool present, const QString& path, bool required,
                                       qint64 lo, qint64 hi);
    void enumValue(const QString& value, bool present, const QString& path, bool required,
                   const QStringList& allowed);

    void add(const QString& violation) { m_violations.append(violation); }
    bool ok() const { return m_violations.isEmpty() && m_serialization.isEmpty(); }
    OmicsError error() const;

private:
    void checkString(const QString& value, const QString& path, const StringRule& rule);
    QStringList m_violations;
    QString m_serialization;
};

// Parses a request body as a JSON object: an empty body is {} (several operations send none).
std::optional<QJsonObject> parseBody(const QByteArray& body, OmicsError* error);

inline const QStringList kFileTypes{QStringLiteral("FASTQ"), QStringLiteral("BAM"), QStringLiteral("CRAM"),
                                    QStringLiteral("UBAM")};
inline const QStringList kReadSetStatuses{QStringLiteral("ARCHIVED"),     QStringLiteral("ACTIVATING"),
                                          QStringLiteral("ACTIVE"),       QStringLiteral("DELETING"),
                                          QStringLiteral("DELETED"),      QStringLiteral("PROCESSING_UPLOAD"),
                                          QStringLiteral("UPLOAD_FAILED")};
inline const QStringList kPartSources{QStringLiteral("SOURCE1"), QStringLiteral("SOURCE2")};
inline const QStringList kReadSetFiles{QStringLiteral("SOURCE1"), QStringLiteral("SOURCE2"),
                                       QStringLiteral("INDEX")};
inline const QStringList kImportJobStatuses{QStringLiteral("SUBMITTED"),
                                            QStringLiteral("IN_PROGRESS"),
                                            QStringLiteral("CANCELLING"),
                                            QStringLiteral("CANCELLED"),
                                            QStringLiteral("FAILED"),
                                            QStringLiteral("COMPLETED"),
                                            QStringLiteral("COMPLETED_WITH_FAILURES")};
inline const QStringList kCreationTypes{QStringLiteral("IMPORT"), QStringLiteral("UPLOAD")};
inline const QStringList kStoreStatuses{QStringLiteral("CREATING"), QStringLiteral("ACTIVE"),
                                        QStringLiteral("UPDATING"), QStringLiteral("DELETING"),
                                        QStringLiteral("FAILED")};

} // namespace bge::sandbox::omics
