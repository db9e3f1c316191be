#include "profilestore.h"

#include <QRegularExpression>
#include <QSettings>

namespace bge {

using namespace Qt::StringLiterals;

ProfileStore::ProfileStore(QSettings* settings) : m_settings(settings) {}

bool ProfileStore::isValidName(const QString& name)
{
    static const QRegularExpression kName(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"_s);
    return kName.match(name).hasMatch();
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(u"profiles"_s);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.sort();
    return names;
}

std::optional<Profile> ProfileStore::load(const QString& name) const
{
    if (!isValidName(name) || !names().contains(name))
        return std::nullopt;
    m_settings->beginGroup(u"profiles/"_s + name);
    Profile p;
    p.name = name;
    p.kind = Profile::kindFromName(m_settings->value(u"kind"_s).toString()).value_or(Profile::Kind::Custom);
    p.endpoint = QUrl(m_settings->value(u"endpoint"_s).toString());
    p.clientId = m_settings->value(u"client_id"_s).toString();
    p.grantMode = Profile::grantModeFromName(m_settings->value(u"grant_mode"_s).toString())
                      .value_or(Profile::GrantMode::AuthorizationCode);
    p.scopes = m_settings->value(u"scopes"_s).toString().split(u' ', Qt::SkipEmptyParts);
    const QUrl redirectUri(m_settings->value(u"redirect_uri"_s).toString(), QUrl::StrictMode);
    if (redirectUri.isValid() && !redirectUri.isRelative())
        p.redirectUri = redirectUri;
    p.caBundle = m_settings->value(u"ca_bundle"_s).toString();
    m_settings->endGroup();
    return p;
}

void ProfileStore::save(const Profile& p)
{
    m_settings->beginGroup(u"profiles/"_s + p.name);
    m_settings->setValue(u"kind"_s, Profile::kindName(p.kind));
    m_settings->setValue(u"endpoint"_s, p.endpoint.toString());
    m_settings->setValue(u"client_id"_s, p.clientId);
    m_settings->setValue(u"grant_mode"_s, Profile::grantModeName(p.grantMode));
    m_settings->setValue(u"scopes"_s, p.scopes.join(u' '));
    if (p.redirectUri == Profile::defaultRedirectUri())
        m_settings->remove(u"redirect_uri"_s);
    else
        m_settings->setValue(u"redirect_uri"_s, p.redirectUri.toString());
    if (p.caBundle.isEmpty())
        m_settings->remove(u"ca_bundle"_s);
    else
        m_settings->setValue(u"ca_bundle"_s, p.caBundle);
    m_settings->endGroup();
}

void ProfileStore::remove(const QString& name)
{
    if (!isValidName(name))
        return;
    m_settings->remove(u"profiles/"_s + name);
    if (defaultName() == name)
        m_settings->remove(u"default_profile"_s);
}

QString ProfileStore::defaultName() const
{
    return m_settings->value(u"default_profile"_s).toString();
}

void ProfileStore::setDefaultName(const QString& name)
{
    m_settings->setValue(u"default_profile"_s, name);
}

QString ProfileStore::lastUsername(const QString& name) const
{
    return m_settings->value(u"profiles/"_s + name + u"/last_username"_s).toString();
}

void ProfileStore::setLastUsername(const QString& name, const QString& username)
{
    m_settings->setValue(u"profiles/"_s + name + u"/last_username"_s, username);
}

} // namespace bge
