#include "desktopqueue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bge::test::soak {

namespace {

QJsonObject readRoot(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool writeRoot(const QString& file, const QJsonObject& root)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(root).toJson()) >= 0 && out.commit();
}

} // namespace

QueuedTransfer queuedUpload(const QString& file, qint64 size)
{
    QueuedTransfer t;
    t.localPath = QFileInfo(file).absoluteFilePath();
    t.name = QFileInfo(file).fileName();
    t.size = size;
    return t;
}

QueuedTransfer queuedDownload(const QString& object, const QString& destination)
{
    QueuedTransfer t;
    t.upload = false;
    t.localPath = QFileInfo(destination).absoluteFilePath();
    t.name = QFileInfo(destination).fileName();
    t.objectName = object;
    return t;
}

bool writeDesktopQueue(const QString& file, const QList<QueuedTransfer>& items)
{
    QJsonArray array;
    int id = 0;
    for (const QueuedTransfer& t : items) {
        ++id;
        QJsonObject o{{u"id"_s, QString::number(id)},  {u"batch"_s, QString::number(id)},
                      {u"direction"_s, t.upload ? u"upload"_s : u"download"_s},
                      {u"local_path"_s, t.localPath}, {u"name"_s, t.name},
                      {u"size"_s, t.size},            {u"done"_s, 0},
                      {u"state"_s, t.state}};
        if (!t.objectName.isEmpty())
            o.insert(u"object_name"_s, t.objectName);
        array.append(o);
    }
    return writeRoot(file, {{u"version"_s, 1},
                            {u"next_id"_s, QString::number(id + 1)},
                            {u"next_batch"_s, QString::number(id + 1)},
                            {u"items"_s, array}});
}

QList<QueuedTransfer> readDesktopQueue(const QString& file)
{
    QList<QueuedTransfer> items;
    for (const QJsonValue& v : readRoot(file).value(u"items").toArray()) {
        const QJsonObject o = v.toObject();
        QueuedTransfer t;
        t.upload = o.value(u"direction").toString() == u"upload";
        t.localPath = o.value(u"local_path").toString();
        t.name = o.value(u"name").toString();
        t.objectName = o.value(u"object_name").toString();
        t.size = o.value(u"size").toInteger(-1);
        t.state = o.value(u"state").toString();
        t.error = o.value(u"error").toString();
        items.append(t);
    }
    return items;
}

bool allSettled(const QList<QueuedTransfer>& items)
{
    return !items.isEmpty() && std::none_of(items.cbegin(), items.cend(), [](const QueuedTransfer& t) {
        return t.state == u"queued" || t.state == u"running" || t.state == u"paused";
    });
}

bool allCompleted(const QList<QueuedTransfer>& items)
{
    return !items.isEmpty() && std::all_of(items.cbegin(), items.cend(),
                                           [](const QueuedTransfer& t) { return t.state == u"completed"; });
}

int retryFailed(const QString& file)
{
    QJsonObject root = readRoot(file);
    QJsonArray items = root.value(u"items").toArray();
    int retried = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject o = items.at(i).toObject();
        if (o.value(u"state").toString() != u"failed")
            continue;
        o.insert(u"state"_s, u"queued"_s);
        o.remove(u"error"_s);
        items.replace(i, o);
        ++retried;
    }
    root.insert(u"items"_s, items);
    return retried > 0 && writeRoot(file, root) ? retried : 0;
}

} // namespace bge::test::soak
