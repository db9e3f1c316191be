#pragma once

#include "profiles/profile.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bge {
class ProfileStore;
}

namespace bge::ui {

// First run (and "Switch profile…"): where to connect. The BGE Open Platform, its backup
// endpoint, a custom address, or the offline sandbox the app runs itself. A page of the main
// window, not a modal dialog.
class ProfileChooserPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileChooserPage(QWidget* parent = nullptr);

    // Pre-fills the choices with the stored profiles "main", "backup", "custom" and selects
    // `selected`'s kind.
    void load(const ProfileStore& store, const QString& selected);
    void setMessage(const QString& message);

    Profile::Kind selectedKind() const;
    // The profile as entered; meaningful when problem() is empty.
    Profile profile() const;
    // What stops the user from continuing, as a translated sentence; empty when nothing does.
    QString problem() const;

Q_SIGNALS:
    void profileChosen(const bge::Profile& profile);

private:
    void updateState();
    void choose();

    QButtonGroup* m_kinds;
    QLineEdit* m_customEndpoint;
    QLineEdit* m_clientId;
    QLineEdit* m_caBundle; // the profile's extra certificate authorities (a PEM file), optional
    QComboBox* m_grantMode;
    QLabel* m_problem;
    QLabel* m_message;
    QPushButton* m_continue;
};

} // namespace bge::ui
