#include "apirequest.h"

#include <QUrl>

namespace bge {

using namespace Qt::StringLiterals;

ApiRequest ApiRequest::get(QString path, QList<std::pair<QString, QString>> params)
{
    ApiRequest r;
    r.method = Method::Get;
    r.path = std::move(path);
    r.params = std::move(params);
    return r;
}

ApiRequest ApiRequest::post(QString path, QList<std::pair<QString, QString>> params)
{
    ApiRequest r = get(std::move(path), std::move(params));
    r.method = Method::Post;
    return r;
}

ApiRequest& ApiRequest::withoutAuth()
{
    auth = Auth::None;
    return *this;
}

ApiRequest& ApiRequest::notIdempotent()
{
    idempotent = false;
    return *this;
}

ApiRequest& ApiRequest::withSensitiveAnswer()
{
    sensitiveAnswer = true;
    return *this;
}

ApiRequest& ApiRequest::add(const QString& name, const QString& value)
{
    if (!value.isNull())
        params.append({name, value});
    return *this;
}

QString ApiRequest::describe() const
{
    return (method == Method::Get ? u"GET "_s : u"POST "_s) + path;
}

QByteArray formEncode(const QList<std::pair<QString, QString>>& params)
{
    QByteArray out;
    for (const auto& [name, value] : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace bge
