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

QJsonObject toJson(const TransferItem& item)
{
    QJsonObject o{
        {u"id"_s, QString::number(item.id)},
        {u"batch"_s, QString::number(item.batch)},
        {u"direction"_s, item.isUpload() ? u"upload"_s : u"download"_s},
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
    return o;
}

std::optional<TransferItem> fromJson(const QJsonObject& o)
{
    TransferItem item;
    bool ok = false;
    item.id = o.value(u"id").toString().toULongLong(&ok);
    if (!ok || item.id == 0)
        return std::nullopt;
    item.batch = o.value(u"batch").toString().toULongLong();
    const QString direction = o.value(u"direction").toString();
    if (direction == u"upload")
        item.direction = TransferDirection::Upload;
    else if (direction == u"download")
        item.direction = TransferDirection::Download;
    else
        return std::nullopt;
    item.localPath = o.value(u"local_path").toString();
    item.name = o.value(u"name").toString();
    item.objectName = o.value(u"object_name").toString();
    if (item.localPath.isEmpty() || item.name.isEmpty() || (!item.isUpload() && item.objectName.isEmpty()))
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
    state.nextId = std::max(maxId + 1, root.value(u"next_id").toString().toULongLong());
    state.nextBatch = std::max(maxBatch + 1, root.value(u"next_batch").toString().toULongLong());
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

} // namespace bge
