#pragma once

#include <QList>
#include <QString>

class QSettings;

namespace bge::ui {

// The desktop app's own settings (next to the profiles in the same QSettings, under "ui/" and
// "desktop/"): the interface language and the profile the app opens with.
class Preferences final
{
public:
    explicit Preferences(QSettings* settings);

    struct Language
    {
        QString code; // empty: follow the system
        QString name; // in its own language, so anyone finds theirs
    };
    static QList<Language> languages();

    // Empty (follow the system), "en" or "zh_CN". Applies at the next start.
    QString language() const;
    void setLanguage(const QString& code);

    // The profile the app opens with; the command line's default profile stays the CLI's own,
    // so choosing the sandbox here never points `bge` at a sandbox that is not running.
    QString lastProfile() const;
    void setLastProfile(const QString& name);

private:
    QSettings* m_settings;
};

} // namespace bge::ui
