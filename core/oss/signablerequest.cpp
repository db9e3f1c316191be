#include "signablerequest.h"

namespace bge::oss {

QByteArray SignableRequest::header(QByteArrayView name) const
{
    for (const auto& [n, v] : headers) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

bool SignableRequest::hasHeader(QByteArrayView name) const
{
    for (const auto& h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void SignableRequest::setHeader(const QByteArray& name, const QByteArray& value)
{
    headers.removeIf([&](const auto& h) { return name.compare(h.first, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

bool SignableRequest::hasQueryItem(QStringView name) const
{
    for (const auto& q : query) {
        if (q.first == name)
            return true;
    }
    return false;
}

QString SignableRequest::queryItem(QStringView name) const
{
    for (const auto& [n, v] : query) {
        if (n == name)
            return v;
    }
    return {};
}

} // namespace bge::oss
