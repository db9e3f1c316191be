#include "transferpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace bge {

using namespace Qt::StringLiterals;

QStringList expandUploadSources(const QStringList& paths)
{
    QStringList files;
    QSet<QString> seen;
    const auto add = [&](const QString& file) {
        if (!seen.contains(file)) {
            seen.insert(file);
            files.append(file);
        }
    };
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList inside;
            QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                inside.append(QDir::cleanPath(it.next()));
            std::sort(inside.begin(), inside.end());
            for (const QString& file : std::as_const(inside))
                add(file);
        } else if (!path.isEmpty()) {
            // A file, or something gone since it was dropped: listed either way, so that a
            // missing file fails visibly instead of vanishing from the batch.
            add(QDir::cleanPath(info.absoluteFilePath()));
        }
    }
    return files;
}

QString downloadFileName(const QString& objectName, const QString& suggestedFileName)
{
    const auto clean = [](QString name) {
        name = name.section(u'/', -1).section(u'\\', -1);
        for (QChar& c : name) {
            if (c.category() == QChar::Other_Control || c == u':')
                c = u'_';
        }
        name = name.trimmed();
        return name == u"."_s || name == u".."_s ? QString() : name;
    };
    QString name = clean(suggestedFileName);
    if (name.isEmpty())
        name = clean(objectName);
    return name.isEmpty() ? u"download"_s : name;
}

} // namespace bge
