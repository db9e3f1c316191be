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
// A connection the proxy on the way refused counts too (proxyrefusal.h: its credentials, or a
// proxy that cannot be reached), so that every caller tells it with its own sentence at once.
std::optional<ApiError> tlsRefusal(const QNetworkReply* reply);
std::optional<ApiError> tlsRefusal(const QSslSocket* socket);

// The sentence, for the certificate `errors` were about (the issuer named when known).
ApiError untrustedCertificate(const QList<QSslError>& errors, const QString& issuer);

} // namespace bge::net
