#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bge::omics {

// What a read-set upload has reached at its commit points, kept beside the engine's journal
// (which the engine removes the moment Complete answers) so that a process killed at any of
// them is continued by a rerun instead of making a second read set. One small JSON file per
// identity (store, source paths, sizes, mtimes, name, sample, subject), written atomically
// before the step it announces. Never a secret: the clientToken is an idempotency token.
struct ReadSetUploadRecord
{
    enum class State {
        Creating,   // Create is about to be sent with `clientToken` for `create`
        Created,    // Create answered `uploadId` at `uploadCreated`
        Completing, // Complete is about to be sent for `uploadId`
        Completed,  // Complete answered `readSetId`: follow it to ACTIVE, never upload again
    };

    State state = State::Creating;
    QString clientToken;
    QJsonObject create; // the Create request, without its token
    QString uploadId;
    QDateTime uploadCreated; // the service's clock
    QString readSetId;

    static std::optional<ReadSetUploadRecord> load(const QString& file);
    bool save(const QString& file, QString* error) const;
    static void remove(const QString& file);
};

} // namespace bge::omics
