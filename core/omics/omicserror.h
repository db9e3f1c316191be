#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QString>

namespace bge::omics {

// The fields of a restJson1 error answer (reference §3.1).
struct ServiceErrorFields
{
    QString code;      // sanitised: "ValidationException"
    QString message;   // the service's own message (`message` or `Message`)
    QString requestId; // x-amzn-RequestId, for the log
};

// "FooError:http://internal.amazon.com/coral/…" and "aws.protocoltests.restjson#FooError" → "FooError";
// also cut at ',' (JS v3 does).
QString sanitizeErrorCode(QStringView raw);
// Code from X-Amzn-Errortype, then body `code`/`Code`, then `__type`; empty when none (then
// the caller falls back to the HTTP status).
ServiceErrorFields parseServiceError(const QByteArray& errorTypeHeader, const QByteArray& requestIdHeader,
                                     const QByteArray& body);

// The translated sentence that tells a person what to fix for `code` (and the service
// `message`, which distinguishes "Signature expired" from a wrong secret).
QString errorSentence(const QString& code, const QString& message, int httpStatus);

// The session token expired: credentials that can be refreshed are fetched again and the call re-signed.
bool isExpiredToken(const QString& code);
// AWS refused the keys or the signature (not a permission): what a command line reports as an
// authentication failure rather than as the service's answer.
bool isCredentialRefusal(const QString& code);

// Everything together: an ApiError of kind Service for an HTTP answer >= 300.
ApiError serviceError(int httpStatus, const QByteArray& errorTypeHeader, const QByteArray& requestIdHeader,
                      const QByteArray& body);

} // namespace bge::omics
