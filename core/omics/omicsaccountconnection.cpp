#include "omicsaccountconnection.h"

#include "awssettings.h"
#include "omicsaccount.h"
#include "omicsconnection.h"
#include "omicsendpoint.h"

#include <QUrl>

namespace bge::omics {

Result<OmicsConnection*> connectAccount(const OmicsAccount& account, CredentialStore* keychain,
                                        QNetworkAccessManager* network, QObject* parent)
{
    if (!account.profile.isEmpty()) {
        AwsSettingsRequest request;
        request.profile = account.profile;
        request.region = account.region;
        request.endpoint = account.endpoint;
        Result<AwsSettings> resolved = resolveAwsSettings(request);
        if (!resolved)
            return resolved.error();
        return OmicsConnection::create(resolved.value(), network, parent);
    }
    Result<OmicsEndpoint> endpoint = account.endpoint.isEmpty()
                                         ? OmicsEndpoint::forRegion(account.region)
                                         : OmicsEndpoint::overridden(QUrl(account.endpoint));
    if (!endpoint)
        return endpoint.error();
    auto* provider = new KeychainCredentialsProvider(account, keychain);
    auto* connection = new OmicsConnection(endpoint.value(), account.region, provider, network, parent);
    provider->setParent(connection);
    return connection;
}

} // namespace bge::omics
