#pragma once

#include "granttables.h"

namespace bge::sandbox {

// The sandbox's OAuth grants on disk (secrets hashed, see GrantTables).
// A missing file is an empty state; an unreadable or corrupt one is reported on stderr and
// ignored: the sandbox starts with no grants (clients sign in again) rather than not at all.
GrantTables loadGrantFile(const QString& path);
// Atomic (QSaveFile): a crash mid-write leaves the previous file. Failures go to stderr.
bool saveGrantFile(const QString& path, const GrantTables& grants);

} // namespace bge::sandbox
