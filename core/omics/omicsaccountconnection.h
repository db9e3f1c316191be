#pragma once

#include "api/result.h"

class QNetworkAccessManager;
class QObject;

namespace bge {
class CredentialStore;
}

namespace bge::omics {

class OmicsConnection;
struct OmicsAccount;

// The connection for a saved account, the same for `bge --omics-account` and the app: id,
// region and endpoint from the account and the secret from the keychain, or, for an account
// that names an AWS profile, the profile's keys resolved as the AWS SDKs do. Usage errors for
// a region or endpoint that cannot be used. The connection is parented to `parent`.
Result<OmicsConnection*> connectAccount(const OmicsAccount& account, CredentialStore* keychain,
                                        QNetworkAccessManager* network, QObject* parent);

} // namespace bge::omics
