#include "omicsconnections.h"

#include "credentials/credentialstore.h"
#include "omicsaccountconnection.h"
#include "omicsconnection.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace bge::omics {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::omics::OmicsConnections)
};
} // namespace

OmicsConnections::OmicsConnections(QSettings* settings, CredentialStore* keychain,
                                   QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_settings(settings), m_keychain(keychain), m_network(network)
{
}

OmicsConnections::~OmicsConnections() = default;

QList<OmicsAccount> OmicsConnections::accounts() const
{
    m_settings->sync(); // `bge omics add-account` may have added one since
    return OmicsAccount::loadAll(*m_settings);
}

std::optional<OmicsAccount> OmicsConnections::account(const QString& name) const
{
    m_settings->sync();
    return OmicsAccount::load(*m_settings, name);
}

Result<OmicsConnection*> OmicsConnections::connection(const QString& name)
{
    if (OmicsConnection* cached = m_connections.value(name))
        return cached;
    const std::optional<OmicsAccount> saved = account(name);
    if (!saved)
        return ApiError::usage(Text::tr("There is no HealthOmics account named “%1” any more. Add it again "
                                        "under HealthOmics → Accounts.")
                                   .arg(name));
    Result<OmicsConnection*> made = connectAccount(*saved, m_keychain, m_network, this);
    if (made)
        m_connections.insert(name, made.value());
    return made;
}

void OmicsConnections::save(const OmicsAccount& account, const QString& secret, QObject* context,
                            std::function<void(const QString& problem)> done)
{
    const auto store = [this, account] {
        account.save(*m_settings);
        m_settings->sync();
        forget(account.name);
        Q_EMIT accountsChanged();
    };
    if (secret.isEmpty()) {
        store();
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    // The account follows its secret even when the asker is gone meanwhile (a dialog cancelled
    // while the keyring asked to be unlocked): a new secret beside the old key id would break
    // the account.
    QPointer<QObject> asker(context);
    m_keychain->write(OmicsAccount::secretKeyName(account.name), secret, this,
                      [store, done, asker](const CredentialStore::Outcome& outcome) {
                          const bool stored = outcome.status != CredentialStore::Status::Failed;
                          if (stored)
                              store();
                          if (asker)
                              done(stored ? QString() : outcome.errorMessage);
                      });
}

void OmicsConnections::remove(const QString& name)
{
    OmicsAccount::remove(*m_settings, name);
    m_settings->sync();
    m_keychain->remove(OmicsAccount::secretKeyName(name), this, [](const CredentialStore::Outcome&) {});
    forget(name);
    Q_EMIT accountsChanged();
}

int OmicsConnections::followLocalEndpoint(const QString& accessKeyId, const QUrl& endpoint)
{
    int moved = 0;
    for (OmicsAccount account : accounts()) {
        const QUrl current(account.endpoint);
        const bool local =
            current.host() == u"127.0.0.1" || current.host() == u"localhost" || current.host() == u"::1";
        if (account.accessKeyId != accessKeyId || !account.profile.isEmpty() || !local || current == endpoint)
            continue;
        account.endpoint = endpoint.toString();
        account.save(*m_settings);
        forget(account.name);
        ++moved;
    }
    if (moved > 0) {
        m_settings->sync();
        Q_EMIT accountsChanged();
    }
    return moved;
}

void OmicsConnections::forget(const QString& name)
{
    // Not deleted: jobs still running on the old connection finish with it; it is a child of
    // this object and goes with the registry.
    m_connections.remove(name);
}

} // namespace bge::omics
