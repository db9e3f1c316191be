#include "readsetuploadrecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace bge::omics {

namespace {

constexpr int kFormat = 1;

QString stateName(ReadSetUploadRecord::State state)
{
    switch (state) {
    case ReadSetUploadRecord::State::Creating:
        return u"creating"_s;
    case ReadSetUploadRecord::State::Created:
        return u"created"_s;
    case ReadSetUploadRecord::State::Completing:
        return u"completing"_s;
    case ReadSetUploadRecord::State::Completed:
        return u"completed"_s;
    }
    return {};
}

} // namespace

std::optional<ReadSetUploadRecord> ReadSetUploadRecord::load(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 1024 * 1024)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(u"version").toInt() != kFormat)
        return std::nullopt;
    ReadSetUploadRecord r;
    const QString state = o.value(u"state").toString();
    bool known = false;
    for (const State s : {State::Creating, State::Created, State::Completing, State::Completed}) {
        if (stateName(s) == state) {
            r.state = s;
            known = true;
        }
    }
    if (!known)
        return std::nullopt;
    r.clientToken = o.value(u"clientToken").toString();
    r.create = o.value(u"create").toObject();
    r.uploadId = o.value(u"uploadId").toString();
    r.uploadCreated = QDateTime::fromString(o.value(u"uploadCreated").toString(), Qt::ISODateWithMs);
    r.readSetId = o.value(u"readSetId").toString();
    // A record that cannot do its job is no record (a rerun then uploads as if none).
    if ((r.state == State::Creating && r.clientToken.isEmpty()) ||
        ((r.state == State::Created || r.state == State::Completing) && r.uploadId.isEmpty()) ||
        (r.state == State::Completed && r.readSetId.isEmpty()))
        return std::nullopt;
    return r;
}

bool ReadSetUploadRecord::save(const QString& file, QString* error) const
{
    QJsonObject o{{u"version"_s, kFormat}, {u"state"_s, stateName(state)}};
    if (!clientToken.isEmpty())
        o.insert(u"clientToken"_s, clientToken);
    if (!create.isEmpty())
        o.insert(u"create"_s, create);
    if (!uploadId.isEmpty())
        o.insert(u"uploadId"_s, uploadId);
    if (uploadCreated.isValid())
        o.insert(u"uploadCreated"_s, uploadCreated.toUTC().toString(Qt::ISODateWithMs));
    if (!readSetId.isEmpty())
        o.insert(u"readSetId"_s, readSetId);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 ||
        !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

void ReadSetUploadRecord::remove(const QString& file)
{
    QFile::remove(file);
}

} // namespace bge::omics
