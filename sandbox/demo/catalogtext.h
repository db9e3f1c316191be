#pragma once

#include <QByteArray>
#include <QString>

#include <string_view>

namespace bge::sandbox {

// The catalogues are plain std::string_view tables; these turn their UTF-8 into Qt types.
inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline QByteArray toBytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace bge::sandbox
