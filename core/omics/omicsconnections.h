#pragma once

#include "api/result.h"
#include "omicsaccount.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace bge {
class CredentialStore;
}

namespace bge::omics {

class OmicsConnection;

// The HealthOmics accounts of this computer (the app's and `bge`'s: one QSettings) and one
// connection per account, made when first asked for and kept while the account is unchanged,
// so that the views and the transfer queue share its pacer and its keys read once from the
// keychain. A queued read-set transfer names its account; this is where the name turns into
// a connection, also after a restart.
class OmicsConnections final : public QObject
{
    Q_OBJECT
public:
    OmicsConnections(QSettings* settings, CredentialStore* keychain, QNetworkAccessManager* network,
                     QObject* parent = nullptr);
    ~OmicsConnections() override;

    QList<OmicsAccount> accounts() const;
    std::optional<OmicsAccount> account(const QString& name) const;

    // Usage error for an account that does not exist (any more) or cannot be used as saved.
    Result<OmicsConnection*> connection(const QString& name);

    // Saves the account (a new one or new settings for an old one); with `secret`, writes the
    // secret access key to the keychain first and calls `done` once both are stored (a
    // translated sentence on failure). The old connection is dropped: the next call uses
    // the new settings.
    void save(const OmicsAccount& account, const QString& secret, QObject* context,
              std::function<void(const QString& problem)> done);
    // Removes the account and its secret.
    void remove(const QString& name);
    // Accounts with this access key ID at an address on this computer move to `endpoint`: a
    // local emulator (the sandbox's) listens on a new port at each start, with the same keys.
    // Returns how many moved.
    int followLocalEndpoint(const QString& accessKeyId, const QUrl& endpoint);

    CredentialStore* keychain() const { return m_keychain; }
    QNetworkAccessManager* network() const { return m_network; }

Q_SIGNALS:
    // An account was added, changed or removed (its connection is new from now on).
    void accountsChanged();

private:
    void forget(const QString& name);

    QSettings* m_settings;
    CredentialStore* m_keychain;
    QNetworkAccessManager* m_network;
    QHash<QString, QPointer<OmicsConnection>> m_connections;
};

} // namespace bge::omics
