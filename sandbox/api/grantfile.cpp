#include "grantfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace bge::sandbox {

namespace {

constexpr qint64 kMaxFileSize = 64LL * 1024 * 1024; // far beyond any real state

void report(const QString& path, const QString& problem)
{
    QTextStream(stderr) << "bge-sandbox: OAuth grants in " << QDir::toNativeSeparators(path) << ' ' << problem
                        << Qt::endl;
}

} // namespace

GrantTables loadGrantFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        report(path, QStringLiteral("cannot be read (%1); starting with none").arg(file.errorString()));
        return {};
    }
    if (file.size() > kMaxFileSize) {
        report(path, QStringLiteral("are implausibly large; ignored, starting with none"));
        return {};
    }
    QString error;
    std::optional<GrantTables> grants = GrantTables::fromJson(file.readAll(), &error);
    if (!grants) {
        report(path, QStringLiteral("are damaged (%1); ignored, starting with none").arg(error));
        return {};
    }
    return std::move(*grants);
}

bool saveGrantFile(const QString& path, const GrantTables& grants)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        report(path, QStringLiteral("cannot be written (%1)").arg(file.errorString()));
        return false;
    }
    file.write(grants.toJson());
    if (!file.commit()) {
        report(path, QStringLiteral("cannot be written (%1)").arg(file.errorString()));
        return false;
    }
    return true;
}

} // namespace bge::sandbox
