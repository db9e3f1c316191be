#pragma once

#include "transfer/transferitem.h"

#include <QCoreApplication>
#include <QString>

namespace bge {
struct TransferBatchSummary;
struct TransferTotals;
} // namespace bge

namespace bge::ui {

// How transfers read in the panel: sizes, speeds, times left, states, and the sentences of
// the summary line and of the notification when a batch ends.
class TransferFormat final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::TransferFormat)

public:
    static QString size(qint64 bytes); // "—" when unknown (-1)
    static QString speed(double bytesPerSecond);
    static QString duration(qint64 seconds); // "45 s", "3 min 20 s", "2 h 5 min"; "—" when unknown
    static QString direction(TransferDirection direction);
    static QString direction(const TransferItem& item); // says "HealthOmics" for a read set
    static QString state(const TransferItem& item);
    // The name of the row: a read-set pair is "<name> (R1 + R2)".
    static QString name(const TransferItem& item);
    // Where it goes and what from, for the tooltip of the name.
    static QString route(const TransferItem& item);
    // A read set's store: "<store id> (account <account>)".
    static QString store(const ReadSetTransfer& readSet);
    static QString summary(const TransferTotals& totals);
    // The status bar's few words for a hidden panel: "2 uploading, 1 downloading, 43%".
    static QString statusSummary(const TransferTotals& totals);
    static QString notificationTitle(const TransferBatchSummary& batch);
    static QString notificationText(const TransferBatchSummary& batch);
};

} // namespace bge::ui
