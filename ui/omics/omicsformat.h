#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace bge::ui {

// How HealthOmics values read in the views: statuses and file types in words, times in the
// person's locale and time zone, sizes and counts with separators.
class OmicsFormat final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::OmicsFormat)

public:
    static QString time(const QDateTime& t);
    static QString storeStatus(const QString& status);
    static QString readSetStatus(const QString& status);
    static QString fileType(const QString& type);
    static QString creationType(const QString& type);
    static QString bytes(qint64 bytes);
    static QString count(std::optional<qint64> value);
    // "arn:aws:omics:eu-west-2:123456789012:sequenceStore/1234" → "eu-west-2"; empty otherwise.
    static QString regionOfArn(const QString& arn);
};

} // namespace bge::ui
