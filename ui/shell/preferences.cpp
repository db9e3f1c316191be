#include "preferences.h"

#include <QCoreApplication>
#include <QSettings>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {
const QString kLanguage = u"ui/language"_s;
const QString kLastProfile = u"desktop/profile"_s;
} // namespace

Preferences::Preferences(QSettings* settings) : m_settings(settings) {}

QList<Preferences::Language> Preferences::languages()
{
    return {
        {QString(), QCoreApplication::translate("bge::ui::Preferences", "Follow the system")},
        {u"en"_s, u"English"_s},
        {u"zh_CN"_s, u"简体中文"_s},
    };
}

QString Preferences::language() const
{
    const QString code = m_settings->value(kLanguage).toString();
    for (const Language& l : languages()) {
        if (l.code == code)
            return code;
    }
    return {}; // unknown (edited by hand, or from a newer version): follow the system
}

void Preferences::setLanguage(const QString& code)
{
    if (code.isEmpty())
        m_settings->remove(kLanguage);
    else
        m_settings->setValue(kLanguage, code);
}

QString Preferences::lastProfile() const
{
    return m_settings->value(kLastProfile).toString();
}

void Preferences::setLastProfile(const QString& name)
{
    m_settings->setValue(kLastProfile, name);
}

} // namespace bge::ui
