#include "apicontext.h"

#include "envelope.h"

#include <httplib.h>

namespace bge::sandbox {

QString bearerToken(const httplib::Request& req)
{
    const QString header = QString::fromStdString(req.get_header_value("Authorization")).trimmed();
    if (!header.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return {};
    return header.mid(7).trimmed();
}

std::optional<AccessGrant> authorizeCall(const ApiContext& api, const httplib::Request& req, httplib::Response& res,
                                         AppModes modes, const char* scope)
{
    const std::optional<AccessGrant> grant = api.auth.findValid(bearerToken(req));
    if (!grant) {
        sendError(res, ApiCode::InvalidToken);
        return std::nullopt;
    }
    if (modes == AppModes::UserOnly && grant->grantType == GrantType::ClientCredentials) {
        sendError(res, ApiCode::ClientAppNotAllowed);
        return std::nullopt;
    }
    if (scope && !grant->scopes.contains(QLatin1String(scope))) {
        sendError(res, ApiCode::NoPermission);
        return std::nullopt;
    }
    return grant;
}

} // namespace bge::sandbox
