#pragma once

#include <QString>

namespace bge::ui {

// Installs the app's catalogue (:/i18n/bge_<language>.qm, compiled into the executable) and
// Qt's own (qtbase_<language>, for standard dialogs and buttons) into the application.
// An empty `language` follows the system's UI languages. Returns the locale name in effect.
QString installTranslations(const QString& language);

} // namespace bge::ui
