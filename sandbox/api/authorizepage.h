#pragma once

#include "pkce.h"

#include <QString>
#include <QStringList>

namespace bge::sandbox {

struct AuthorizeRequest
{
    QString clientId;
    QString clientName;
    QString redirectUri;
    QString responseType;
    QString scope; // as requested (space-separated), possibly empty
    QString state;
    QStringList scopes; // effective scopes shown for consent
    CodeChallenge codeChallenge; // PKCE, empty when the request carried none
};

// The platform's sign-in and consent page: user name and password, the requested scopes,
// Approve / Deny. Plain HTML with inline CSS so any browser engine renders it offline.
QByteArray renderAuthorizePage(const AuthorizeRequest& request, const QString& errorMessage,
                               const QString& username);
QByteArray renderAuthorizeError(const QString& title, const QString& detail);

} // namespace bge::sandbox
