#include "memorycredentialstore.h"

#include "completelater.h"

#include <QCoreApplication>

namespace bge {

MemoryCredentialStore::MemoryCredentialStore(Mode mode, QObject* parent)
    : CredentialStore(parent), m_mode(mode)
{
}

void MemoryCredentialStore::read(const QString& key, QObject* context, Callback done)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        completeLater(context, std::move(done),
                      {Status::NotFound,
                       {},
                       QCoreApplication::translate("bge::CredentialStore", "No saved secret was found.")});
        return;
    }
    completeLater(context, std::move(done), {Status::Ok, *it, {}});
}

void MemoryCredentialStore::write(const QString& key, const QString& secret, QObject* context, Callback done)
{
    m_secrets.insert(key, secret);
    if (m_mode == Mode::Plain) {
        completeLater(context, std::move(done), {Status::Ok, {}, {}});
        return;
    }
    completeLater(context, std::move(done),
                  {Status::SessionOnly,
                   {},
                   QCoreApplication::translate("bge::CredentialStore",
                                               "No system keychain is available; the secret is kept for "
                                               "this session only and will be asked for again.")});
}

void MemoryCredentialStore::remove(const QString& key, QObject* context, Callback done)
{
    m_secrets.remove(key);
    completeLater(context, std::move(done), {Status::Ok, {}, {}});
}

} // namespace bge
