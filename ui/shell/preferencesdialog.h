#pragma once

#include <QDialog>

class QComboBox;

namespace bge::ui {

class Preferences;

// The interface language (follow the system, English, 简体中文); stored at once, applied at the
// next start, which the dialog says. Opened with open(), never exec().
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(Preferences* preferences, QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }

private:
    void save();

    Preferences* m_preferences;
    QComboBox* m_language;
};

} // namespace bge::ui
