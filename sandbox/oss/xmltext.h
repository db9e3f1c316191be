#pragma once

#include <QByteArray>
#include <QString>

namespace bge::sandbox {

// Character data as OSS writes it: only &, < and > are escaped, so quoted ETags appear
// as "…" (clients compare them verbatim).
inline QByteArray xmlText(const QString& text)
{
    QByteArray out = text.toUtf8();
    out.replace('&', "&amp;");
    out.replace('<', "&lt;");
    out.replace('>', "&gt;");
    return out;
}

} // namespace bge::sandbox
