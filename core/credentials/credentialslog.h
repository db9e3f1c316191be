#pragma once

#include <QLoggingCategory>

namespace bge {

// Key names and keychain errors only: a secret never reaches a log line.
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)

} // namespace bge
