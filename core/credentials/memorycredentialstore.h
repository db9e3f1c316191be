#pragma once

#include "credentialstore.h"

#include <QHash>

namespace bge {

// Secrets in a map for the lifetime of the object; nothing touches the disk.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT
public:
    enum class Mode
    {
        Plain,          // a store in its own right (tests): writes complete Ok
        SessionFallback // stands in for a missing keychain: writes complete SessionOnly
    };

    explicit MemoryCredentialStore(Mode mode = Mode::Plain, QObject* parent = nullptr);

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QString& secret, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;
    bool isPersistent() const override { return false; }

private:
    Mode m_mode;
    QHash<QString, QString> m_secrets;
};

} // namespace bge
