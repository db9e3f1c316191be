#include "credentialstore.h"

#include "credentialslog.h"
#include "keychaincredentialstore.h"

using namespace Qt::StringLiterals;

namespace bge {

Q_LOGGING_CATEGORY(lcCredentials, "bge.credentials")

QString clientSecretKey(const QString& profile)
{
    return profile + u"/client-secret"_s;
}

QString refreshTokenKey(const QString& profile)
{
    return profile + u"/refresh-token"_s;
}

std::unique_ptr<CredentialStore> createSystemCredentialStore(const QString& service, QObject* parent)
{
    return std::make_unique<KeychainCredentialStore>(service, parent);
}

} // namespace bge
