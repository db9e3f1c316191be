#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace bge {
struct CodedValue;
struct PlatformCode;
} // namespace bge

namespace bge::ui {

// How sample data reads on screen: one place, so the table, the detail pane and the dialogs
// agree. Data the platform sends (display names, status words) is shown as sent, never
// translated.
class SampleFormat final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::SampleFormat)

public:
    // The platform's display name; the code table's name when the record has none; else the code.
    static QString coded(const CodedValue& value, const QList<PlatformCode>& table);
    // Platform time text ("2017-12-31T16:00:00+0000") as a point in time; invalid when unreadable.
    static QDateTime time(const QString& platformText);
    // In the user's locale and time zone; the raw text when it cannot be read.
    static QString timeText(const QString& platformText);
    static QString yesNo(std::optional<bool> value);
    // A JSON scalar as text, arrays of scalars joined with commas; null and missing are empty.
    static QString scalarText(const QJsonValue& value);
    static QString sizeText(qint64 bytes);
};

} // namespace bge::ui
