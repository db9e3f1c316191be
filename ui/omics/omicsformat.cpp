#include "omicsformat.h"

#include <QLocale>

namespace bge::ui {

using namespace Qt::StringLiterals;

QString OmicsFormat::time(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

// Values the app does not know yet (the service adds some) are shown as they are.
QString OmicsFormat::storeStatus(const QString& status)
{
    if (status == u"CREATING")
        return tr("Creating");
    if (status == u"ACTIVE")
        return tr("Active");
    if (status == u"UPDATING")
        return tr("Updating");
    if (status == u"DELETING")
        return tr("Deleting");
    if (status == u"FAILED")
        return tr("Failed");
    return status;
}

QString OmicsFormat::readSetStatus(const QString& status)
{
    if (status == u"ARCHIVED")
        return tr("Archived");
    if (status == u"ACTIVATING")
        return tr("Activating");
    if (status == u"ACTIVE")
        return tr("Active");
    if (status == u"DELETING")
        return tr("Deleting");
    if (status == u"DELETED")
        return tr("Deleted");
    if (status == u"PROCESSING_UPLOAD")
        return tr("Processing");
    if (status == u"UPLOAD_FAILED")
        return tr("Upload failed");
    return status;
}

QString OmicsFormat::fileType(const QString& type)
{
    if (type == u"UBAM")
        return tr("uBAM");
    return type; // FASTQ, BAM, CRAM are names, not words
}

QString OmicsFormat::creationType(const QString& type)
{
    if (type == u"IMPORT")
        return tr("Import");
    if (type == u"UPLOAD")
        return tr("Upload");
    return type;
}

QString OmicsFormat::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString OmicsFormat::count(std::optional<qint64> value)
{
    return value ? QLocale().toString(*value) : QString();
}

QString OmicsFormat::regionOfArn(const QString& arn)
{
    const QStringList parts = arn.split(u':');
    return parts.size() >= 6 && parts.at(0) == u"arn" ? parts.at(3) : QString();
}

} // namespace bge::ui
