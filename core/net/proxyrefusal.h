#pragma once

#include "api/apierror.h"

#include <optional>

class QAbstractSocket;
class QNetworkReply;

namespace bge::net {

// A connection that failed at the proxy on the way, as a sentence naming the proxy (never its
// user name or password) and saying what to do. The proxy's explicit refusals, credentials
// (407) and policy (403, 405), are not worth another attempt (ApiError::transportRefused): the
// same proxy answers the same way. A proxy that cannot be reached or found, or that could not
// connect to the server (500, 502, 504 to CONNECT), is an outage like any other: retryable
// (ApiError::transportExplained), the sentence telling the last failure. Empty for any other
// failure (a proxy that dropped a tunnel in use is an ordinary transport error).
std::optional<ApiError> proxyRefusal(const QNetworkReply* reply);
std::optional<ApiError> proxyRefusal(const QAbstractSocket* socket);

} // namespace bge::net
