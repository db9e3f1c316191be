#pragma once

#include "apierror.h"

#include <QObject>
#include <QString>

#include <functional>

namespace bge {

// What an authenticated call needs from the session: a current access token, and a way to
// say the platform rejected one. Implemented by Session (auth/); kept abstract here so the
// request layer does not depend on how tokens are obtained.
class TokenProvider
{
public:
    using TokenCallback = std::function<void(const QString& accessToken, const ApiError& error)>;
    virtual ~TokenProvider() = default;

    // Calls `ready` exactly once, asynchronously, on `context`'s thread: with a token that is
    // not about to expire, or with the error that prevented getting one. Calls made while a
    // renewal is under way wait for it.
    virtual void acquireToken(QObject* context, TokenCallback ready) = 0;
    // The platform answered 403 for this token: forget it, so the next acquire renews.
    virtual void tokenRejected(const QString& accessToken) = 0;
};

} // namespace bge
