#pragma once

#include "awscredentialsprovider.h"

#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace bge {
class CredentialStore;
}

namespace bge::omics {

// A HealthOmics account a person set up in the app or with `bge`: nothing secret, so it can
// live in QSettings. Its secret access key lives only in the system keychain, under
// secretKeyName(name). With `profile` set, keys come from that AWS profile instead.
struct OmicsAccount
{
    QString name;        // the person's label, e.g. "lab"
    QString region;      // e.g. "eu-west-2"
    QString accessKeyId; // not secret (it appears in every request)
    QString endpoint;    // override, e.g. an emulator; empty for the regional endpoint
    QString profile;     // an AWS profile to take keys and region from instead

    // Letters, digits, '.', '_', '-'; 1–64 characters (it is part of the keychain key).
    static bool isValidName(const QString& name);
    static QString secretKeyName(const QString& name); // "aws/<name>/secret-access-key"

    void save(QSettings& settings) const; // under omics/accounts/<name>/
    static std::optional<OmicsAccount> load(QSettings& settings, const QString& name);
    static QList<OmicsAccount> loadAll(QSettings& settings);
    static void remove(QSettings& settings, const QString& name);
};

// Keys of an OmicsAccount: the id from the account, the secret from the keychain (read once,
// then kept in memory for this run).
class KeychainCredentialsProvider final : public AwsCredentialsProvider
{
    Q_OBJECT
public:
    KeychainCredentialsProvider(OmicsAccount account, CredentialStore* store, QObject* parent = nullptr);
    void acquire(QObject* context, Callback done) override;
    bool invalidate() override;

private:
    OmicsAccount m_account;
    CredentialStore* m_store;
    QString m_secret;
};

} // namespace bge::omics
