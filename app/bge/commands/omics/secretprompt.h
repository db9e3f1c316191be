#pragma once

#include <QString>

namespace bge::cli {

// Reads one line from standard input: on a terminal after `prompt` on stderr with the echo
// turned off (a secret must not stay on screen or in a scrollback), otherwise as piped in
// (`pass show aws | bge omics add-account …`). Empty when nothing was read.
QString readSecretLine(const QString& prompt);

} // namespace bge::cli
