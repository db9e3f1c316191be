#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace httplib {
struct Response;
}

namespace bge::sandbox {

// The platform's error codes and their exact messages (API reference, section 2).
namespace ApiCode {
inline constexpr int Success = 0;
inline constexpr int BadRequest = 400;             // 错误的请求
inline constexpr int NoPermission = 401;           // 无访问权限
inline constexpr int InvalidToken = 403;           // access_token 已失效或错误
inline constexpr int AuthCodeAppNotAllowed = 40014;
inline constexpr int ClientAppNotAllowed = 40015;  // sandbox convention
inline constexpr int InvalidParameter = 41001;     // 参数错误
inline constexpr int ModelNotFound = 41202;        // sandbox convention for msg
inline constexpr int NotOwnSample = 41303;         // 请提供本人的 biosample_id
} // namespace ApiCode

QString apiMessage(int code);

// Every API answer is HTTP 200 with {code, msg, data}; `extra` adds siblings (pagination).
void sendSuccess(httplib::Response& res, const QJsonValue& data, const QJsonObject& extra = {});
void sendError(httplib::Response& res, int code, const QJsonValue& data = QJsonValue(QJsonValue::Null));
// Answers outside the API proper (unknown path, server fault) carry their HTTP status.
void sendHttpError(httplib::Response& res, int httpStatus, const QString& message);

} // namespace bge::sandbox
