#pragma once

#include "api/apierror.h"

#include <optional>

class QAbstractSocket;
class QNetworkReply;

namespace bge::net {

// A connection the proxy on the way refused, as a sentence naming the proxy (never its user
// name or password) and saying what to do: it asked for credentials or refused them (407), it
// refused the tunnel (another status), or it cannot be reached at all. Not worth another attempt, as the same
// proxy answers the same way: the command ends at once instead of retrying for minutes. Empty for any other
// failure (a proxy that dropped a tunnel in use is an ordinary, retryable transport error).
std::optional<ApiError> proxyRefusal(const QNetworkReply* reply);
std::optional<ApiError> proxyRefusal(const QAbstractSocket* socket);

} // namespace bge::net
