#include "envelope.h"

#include <QJsonDocument>

#include <httplib.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

QString apiMessage(int code)
{
    switch (code) {
    case ApiCode::Success:
        return u"success"_s;
    case ApiCode::BadRequest:
        return u"错误的请求"_s;
    case ApiCode::NoPermission:
        return u"无访问权限"_s;
    case ApiCode::InvalidToken:
        return u"access_token 已失效或错误"_s;
    case ApiCode::AuthCodeAppNotAllowed:
        return u"本接口不支持授权码模式的应用访问"_s;
    case ApiCode::ClientAppNotAllowed:
        return u"本接口不支持客户端模式的应用访问"_s;
    case ApiCode::InvalidParameter:
        return u"参数错误"_s;
    case ApiCode::ModelNotFound:
        return u"模型不存在"_s;
    case ApiCode::NotOwnSample:
        return u"请提供本人的 biosample_id"_s;
    default:
        return u"未知错误"_s;
    }
}

namespace {

void sendEnvelope(httplib::Response& res, int status, QJsonObject envelope)
{
    const QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    res.status = status;
    res.set_content(body.constData(), std::size_t(body.size()), "application/json; charset=utf-8");
}

} // namespace

void sendSuccess(httplib::Response& res, const QJsonValue& data, const QJsonObject& extra)
{
    QJsonObject envelope{{u"code"_s, 0}, {u"msg"_s, apiMessage(0)}, {u"data"_s, data}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        envelope.insert(it.key(), it.value());
    sendEnvelope(res, 200, envelope);
}

void sendError(httplib::Response& res, int code, const QJsonValue& data)
{
    sendEnvelope(res, 200, {{u"code"_s, code}, {u"msg"_s, apiMessage(code)}, {u"data"_s, data}});
}

void sendHttpError(httplib::Response& res, int httpStatus, const QString& message)
{
    sendEnvelope(res, httpStatus,
                 {{u"code"_s, httpStatus}, {u"msg"_s, message}, {u"data"_s, QJsonValue(QJsonValue::Null)}});
}

} // namespace bge::sandbox
