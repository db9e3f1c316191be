#pragma once

#include "api/apierror.h"

#include <QList>
#include <QSslError>

#include <optional>

class QNetworkReply;
class QSslSocket;

namespace bge::net {

// A connection refused because the server's certificate did not verify, as a sentence that says
// so and what to do, instead of OpenSSL's words alone (which stay in the detail). Not worth
// another attempt: the same certificate comes back. Empty when the failure was something else.
// A connection that failed at the proxy on the way counts too (proxyrefusal.h), so that every
// caller tells it with its own sentence; some of those are retryable: callers ask isRetryable().
std::optional<ApiError> tlsRefusal(const QNetworkReply* reply);
std::optional<ApiError> tlsRefusal(const QSslSocket* socket);

// The sentence, for the certificate `errors` were about (the issuer named when known).
ApiError untrustedCertificate(const QList<QSslError>& errors, const QString& issuer);

} // namespace bge::net
