#pragma once

#include <QString>
#include <QStringList>

namespace bge {

// The files an upload of `paths` sends: files as given, folders replaced by the files inside
// them at any depth (the destination is flat, so only their names count). Hidden files and
// folders inside a dropped folder are left out (.DS_Store, .git); symbolic links to folders
// are not followed (no loops). Absolute paths, each once, in a stable order.
QStringList expandUploadSources(const QStringList& paths);

// A file name that is safe to create in a download folder for `objectName`, from the name a
// view suggests (never trusted: no separators, no "..", no control characters).
QString downloadFileName(const QString& objectName, const QString& suggestedFileName);

} // namespace bge
