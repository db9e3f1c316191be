#include "requestparams.h"

#include <httplib.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

bool RequestParams::has(const char* name) const
{
    return m_request.has_param(name);
}

QString RequestParams::value(const char* name) const
{
    return QString::fromStdString(m_request.get_param_value(name));
}

std::optional<QString> RequestParams::required(const char* name) const
{
    const QString v = value(name);
    if (v.trimmed().isEmpty())
        return std::nullopt;
    return v;
}

QList<std::pair<QString, QString>> RequestParams::all() const
{
    QList<std::pair<QString, QString>> result;
    for (const auto& [name, value] : m_request.params)
        result.append({QString::fromStdString(name), QString::fromStdString(value)});
    return result;
}

std::optional<QList<int>> RequestParams::intList(const char* name, int lo, int hi) const
{
    QList<int> result;
    if (!has(name))
        return result;
    for (const QString& item : value(name).split(u',')) {
        bool ok = false;
        const int v = item.trimmed().toInt(&ok);
        if (!ok || v < lo || v > hi)
            return std::nullopt;
        result.append(v);
    }
    return result;
}

std::optional<QStringList> RequestParams::stringList(const char* name) const
{
    QStringList result;
    if (!has(name))
        return result;
    for (const QString& item : value(name).split(u',')) {
        if (item.trimmed().isEmpty())
            return std::nullopt;
        result.append(item.trimmed());
    }
    return result;
}

std::optional<bool> RequestParams::boolean(const char* name, bool fallback) const
{
    if (!has(name))
        return fallback;
    const QString v = value(name).trimmed().toLower();
    if (v == u"true" || v == u"1")
        return true;
    if (v == u"false" || v == u"0")
        return false;
    return std::nullopt;
}

std::optional<int> RequestParams::integer(const char* name, int fallback, int lo, int hi) const
{
    if (!has(name))
        return fallback;
    bool ok = false;
    const int v = value(name).trimmed().toInt(&ok);
    if (!ok || v < lo || v > hi)
        return std::nullopt;
    return v;
}

} // namespace bge::sandbox
