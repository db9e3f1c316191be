#include "transferqueuestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace bge {

using namespace Qt::StringLiterals;

namespace {

constexpr int kFormatVersion = 1;
// Far beyond any real queue (about 300 bytes an item): a bigger file is not ours.
constexpr qint64 kMaxFileSize = 256LL * 1024 * 1024;
// Ids and batches count up by one from 1: anything near 2^64 was edited or damaged, and its
// "+ 1" would wrap to 0 and hand out ids already in use. 2^53 is far beyond any real count.
constexpr quint64 kMaxCounter = 1ULL << 53;

// Only the fields that are set: a one-file upload or a download stays short.
QJsonObject toJson(const ReadSetTransfer& r)
{
    QJsonObject o{{u"account"_s, r.account}, {u"store_id"_s, r.storeId}};
    const auto put = [&o](const QString& key, const QString& value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(u"second_file"_s, r.secondFile);
    put(u"file_type"_s, r.fileType);
    put(u"subject_id"_s, r.subjectId);
    put(u"sample_id"_s, r.sampleId);
    put(u"reference_arn"_s, r.referenceArn);
    put(u"description"_s, r.description);
    put(u"generated_from"_s, r.generatedFrom);
    put(u"file"_s, r.file);
    put(u"read_set_id"_s, r.readSetId);
    put(u"status"_s, r.status);
    put(u"status_message"_s, r.statusMessage);
    put(u"note"_s, r.note);
    if (!r.tags.isEmpty()) {
        QJsonObject tags;
        for (auto it = r.tags.cbegin(); it != r.tags.cend(); ++it)
            tags.insert(it.key(), it.value());
        o.insert(u"tags"_s, tags);
    }
    return o;
}

std::optional<ReadSetTransfer> readSetFromJson(const QJsonObject& o, TransferDirection direction)
{
    ReadSetTransfer r;
    r.account = o.value(u"account").toString();
    r.storeId = o.value(u"store_id").toString();
    r.secondFile = o.value(u"second_file").toString();
    r.fileType = o.value(u"file_type").toString();
    r.subjectId = o.value(u"subject_id").toString();
    r.sampleId = o.value(u"sample_id").toString();
    r.referenceArn = o.value(u"reference_arn").toString();
    r.description = o.value(u"description").toString();
    r.generatedFrom = o.value(u"generated_from").toString();
    r.file = o.value(u"file").toString();
    r.readSetId = o.value(u"read_set_id").toString();
    r.status = o.value(u"status").toString();
    r.statusMessage = o.value(u"status_message").toString();
    r.note = o.value(u"note").toString();
    const QJsonObject tags = o.value(u"tags").toObject();
    for (auto it = tags.constBegin(); it != tags.constEnd(); ++it)
        r.tags.insert(it.key(), it.value().toString());
    // An upload refused when it was added (no store, no account) is kept: its row says why, and
    // a retry says it again. A download cannot be anything without what it reads.
    if (direction == TransferDirection::Download &&
        (r.account.isEmpty() || r.storeId.isEmpty() || r.readSetId.isEmpty() || r.file.isEmpty()))
        return std::nullopt;
    return r;
}

// Read-set items have directions of their own: an app from before them leaves them out
// (an item that does not make sense) instead of sending R1 to the platform.
QString directionKey(const TransferItem& item)
{
    if (item.readSet)
        return item.isUpload() ? u"omics-upload"_s : u"omics-download"_s;
    return item.isUpload() ? u"upload"_s : u"download"_s;
}

QJsonObject toJson(const TransferItem& item)
{
    QJsonObject o{
        {u"id"_s, QString::number(item.id)},
        {u"batch"_s, QString::number(item.batch)},
        {u"direction"_s, directionKey(item)},
        {u"local_path"_s, item.localPath},
        {u"name"_s, item.name},
        {u"size"_s, item.size},
        {u"done"_s, item.done},
        {u"state"_s, transferStateKey(item.state)},
    };
    if (!item.objectName.isEmpty())
        o.insert(u"object_name"_s, item.objectName);
    if (!item.error.isEmpty())
        o.insert(u"error"_s, item.error);
    if (item.overwrite)
        o.insert(u"overwrite"_s, true);
    if (item.readSet)
        o.insert(u"read_set"_s, toJson(*item.readSet));
    return o;
}

std::optional<TransferItem> fromJson(const QJsonObject& o)
{
    TransferItem item;
    bool ok = false;
    item.id = o.value(u"id").toString().toULongLong(&ok);
    if (!ok || item.id == 0 || item.id > kMaxCounter)
        return std::nullopt;
    item.batch = o.value(u"batch").toString().toULongLong();
    if (item.batch > kMaxCounter)
        return std::nullopt;
    const QString direction = o.value(u"direction").toString();
    const bool readSet = direction.startsWith(u"omics-");
    if (direction == u"upload" || direction == u"omics-upload")
        item.direction = TransferDirection::Upload;
    else if (direction == u"download" || direction == u"omics-download")
        item.direction = TransferDirection::Download;
    else
        return std::nullopt;
    if (readSet != o.contains(u"read_set"))
        return std::nullopt;
    item.localPath = o.value(u"local_path").toString();
    item.name = o.value(u"name").toString();
    item.objectName = o.value(u"object_name").toString();
    if (o.contains(u"read_set")) {
        item.readSet = readSetFromJson(o.value(u"read_set").toObject(), item.direction);
        if (!item.readSet)
            return std::nullopt;
    }
    // A read-set download names its read set instead of an object.
    if (item.localPath.isEmpty() || item.name.isEmpty() ||
        (!item.isUpload() && !item.readSet && item.objectName.isEmpty()))
        return std::nullopt;
    item.size = std::max<qint64>(-1, o.value(u"size").toInteger(-1));
    item.done = std::clamp<qint64>(o.value(u"done").toInteger(), 0, item.size < 0 ? 0 : item.size);
    const std::optional<TransferState> state = transferStateFromKey(o.value(u"state").toString());
    if (!state)
        return std::nullopt;
    item.state = *state;
    item.error = o.value(u"error").toString();
    item.overwrite = o.value(u"overwrite").toBool();
    return item;
}

} // namespace

std::optional<TransferQueueState> TransferQueueState::load(const QString& file, QString* error)
{
    QFile f(file);
    if (!f.exists())
        return std::nullopt;
    const auto failed = [&](const QString& why) -> std::optional<TransferQueueState> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!f.open(QIODevice::ReadOnly))
        return failed(f.errorString());
    if (f.size() > kMaxFileSize)
        return failed(u"the file is too large to be a transfer list"_s);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject())
        return failed(parseError.errorString());
    const QJsonObject root = doc.object();
    if (root.value(u"version").toInt() != kFormatVersion)
        return failed(u"not a transfer list of this version"_s);

    TransferQueueState state;
    quint64 maxId = 0;
    quint64 maxBatch = 0;
    QSet<quint64> ids;
    for (const QJsonValue& value : root.value(u"items").toArray()) {
        const std::optional<TransferItem> item = fromJson(value.toObject());
        if (!item || ids.contains(item->id))
            continue;
        ids.insert(item->id);
        maxId = std::max(maxId, item->id);
        maxBatch = std::max(maxBatch, item->batch);
        state.items.append(*item);
    }
    // The saved counters are a floor; the items decide (a hand-edited file must not reuse ids).
    const auto counter = [&root](QStringView key) {
        const quint64 saved = root.value(key).toString().toULongLong();
        return saved <= kMaxCounter ? saved : 0;
    };
    state.nextId = std::max(maxId + 1, counter(u"next_id"));
    state.nextBatch = std::max(maxBatch + 1, counter(u"next_batch"));
    return state;
}

bool TransferQueueState::save(const QString& file, QString* error) const
{
    QJsonArray array;
    for (const TransferItem& item : items)
        array.append(toJson(item));
    const QJsonObject root{
        {u"version"_s, kFormatVersion},
        // Strings: JSON numbers lose precision beyond 2^53.
        {u"next_id"_s, QString::number(nextId)},
        {u"next_batch"_s, QString::number(nextBatch)},
        {u"items"_s, array},
    };
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        if (error)
            *error = u"cannot create the folder %1"_s.arg(QFileInfo(file).absolutePath());
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

QString TransferQueueState::keepAside(const QString& file)
{
    const QString kept = file + u".corrupt"_s;
    if (QFile::exists(kept) && !QFile::remove(kept))
        return {};
    return QFile::rename(file, kept) ? kept : QString();
}

} // namespace bge
