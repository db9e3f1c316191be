#include "omicsaccount.h"

#include "credentials/credentialstore.h"

#include <QRegularExpression>
#include <QSettings>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {
QString group(const QString& name)
{
    return u"omics/accounts/"_s + name;
}
} // namespace

bool OmicsAccount::isValidName(const QString& name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._-]{1,64}$"_s);
    return pattern.match(name).hasMatch() && name != u"." && name != u"..";
}

QString OmicsAccount::secretKeyName(const QString& name)
{
    return u"aws/"_s + name + u"/secret-access-key"_s;
}

void OmicsAccount::save(QSettings& settings) const
{
    settings.beginGroup(group(name));
    settings.setValue(u"region"_s, region);
    settings.setValue(u"accessKeyId"_s, accessKeyId);
    settings.setValue(u"endpoint"_s, endpoint);
    settings.setValue(u"profile"_s, profile);
    settings.endGroup();
}

std::optional<OmicsAccount> OmicsAccount::load(QSettings& settings, const QString& name)
{
    if (!isValidName(name))
        return std::nullopt;
    settings.beginGroup(group(name));
    const bool exists = !settings.childKeys().isEmpty();
    OmicsAccount a;
    a.name = name;
    a.region = settings.value(u"region"_s).toString();
    a.accessKeyId = settings.value(u"accessKeyId"_s).toString();
    a.endpoint = settings.value(u"endpoint"_s).toString();
    a.profile = settings.value(u"profile"_s).toString();
    settings.endGroup();
    if (!exists)
        return std::nullopt;
    return a;
}

QList<OmicsAccount> OmicsAccount::loadAll(QSettings& settings)
{
    settings.beginGroup(u"omics/accounts"_s);
    const QStringList names = settings.childGroups();
    settings.endGroup();
    QList<OmicsAccount> accounts;
    for (const QString& name : names) {
        if (auto account = load(settings, name))
            accounts.append(*account);
    }
    return accounts;
}

void OmicsAccount::remove(QSettings& settings, const QString& name)
{
    settings.remove(group(name));
}

KeychainCredentialsProvider::KeychainCredentialsProvider(OmicsAccount account, CredentialStore* store,
                                                         QObject* parent)
    : AwsCredentialsProvider(parent), m_account(std::move(account)), m_store(store)
{
}

void KeychainCredentialsProvider::acquire(QObject* context, Callback done)
{
    const auto answer = [this](const QString& secret) {
        aws::AwsCredentials c;
        c.accessKeyId = m_account.accessKeyId;
        c.secretAccessKey = secret;
        return c;
    };
    if (m_account.accessKeyId.isEmpty())
        return answerLater(
            context, std::move(done),
            ApiError::authentication(u"the account “%1” has no access key ID"_s.arg(m_account.name)));
    if (!m_secret.isEmpty())
        return answerLater(context, std::move(done), answer(m_secret));
    if (!m_store)
        return answerLater(context, std::move(done), ApiError::authentication(u"no keychain"_s));
    QPointer<QObject> target(context);
    m_store->read(
        OmicsAccount::secretKeyName(m_account.name), this,
        [this, target, done = std::move(done), answer](const CredentialStore::Outcome& outcome) {
            if (!target)
                return;
            if (outcome.status == CredentialStore::Status::NotFound)
                return done(ApiError::authentication(
                    u"no secret access key for the account “%1” in the keychain: enter it again"_s.arg(
                        m_account.name)));
            if (outcome.status == CredentialStore::Status::Failed)
                return done(ApiError::authentication(outcome.errorMessage));
            m_secret = outcome.secret;
            done(answer(m_secret));
        });
}

bool KeychainCredentialsProvider::invalidate()
{
    m_secret.clear();
    return false; // a long-term key does not renew itself
}

} // namespace bge::omics
