#pragma once

#include "profile.h"

#include <optional>

class QSettings;

namespace bge {

// Profiles in QSettings under "profiles/<name>/…", and which one is the default.
// Never stores a secret: those belong to the CredentialStore.
class ProfileStore final
{
public:
    explicit ProfileStore(QSettings* settings);

    QStringList names() const;
    std::optional<Profile> load(const QString& name) const;
    void save(const Profile& profile);
    void remove(const QString& name);

    QString defaultName() const;
    void setDefaultName(const QString& name);

    // Who signed in last on a profile (shown before the session is renewed); not a secret.
    QString lastUsername(const QString& name) const;
    void setLastUsername(const QString& name, const QString& username);

    static bool isValidName(const QString& name);

private:
    QSettings* m_settings;
};

} // namespace bge
