#pragma once

#include "common/pendingjob.h"
#include "omics/omicsaccount.h"
#include "omics/omicsconnection.h"
#include "shell/sandboxinfo.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace bge::omics {
class OmicsConnections;
}

namespace bge::ui {

// Adds or edits a HealthOmics account, one of three ways: an AWS profile of this computer
// (listed with its region), an access key typed in (the secret goes to the keychain only, via
// OmicsConnections::save), or the emulator the app started (its keys from the sandbox, nothing
// typed). Save first tries the account with ListSequenceStores (one result): keys AWS refuses
// get a sentence naming what to fix and nothing is saved. Open it with open(), never exec().
class OmicsAccountDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Profile,
        Keys,
        Emulator
    };
    Q_ENUM(Mode)

    OmicsAccountDialog(omics::OmicsConnections* connections, std::optional<SandboxInfo::Omics> emulator,
                       QWidget* parent = nullptr,
                       const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    ~OmicsAccountDialog() override;

    // Edits `account` (its name stays; an empty secret keeps the one in the keychain).
    void setAccount(const omics::OmicsAccount& account);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The problem shown (empty when none).
    QString problem() const;
    bool isChecking() const { return m_check.isRunning() || m_saving; }

Q_SIGNALS:
    // The account is tested and saved (secret in the keychain, the rest in the settings).
    void accountSaved(const QString& name);

public Q_SLOTS:
    // Not while the secret and the account are being stored together.
    void reject() override;

private:
    void buildProfilePage(QWidget* page);
    void buildKeysPage(QWidget* page);
    void buildEmulatorPage(QWidget* page);
    void updateState();
    void onProfileChanged();
    void trySave();
    std::optional<omics::OmicsAccount> accountFromFields(QString* secret);
    void showProblem(const QString& text);
    QString refusalSentence(const ApiError& error) const;
    void finishCheck();

    omics::OmicsConnections* m_connections;
    std::optional<SandboxInfo::Omics> m_emulator;
    QProcessEnvironment m_environment;
    Mode m_mode = Mode::Keys;
    bool m_editing = false;
    QString m_editedProfileRegion; // the edited account's region when it overrides its profile's
    bool m_saving = false;
    PendingJob m_check;
    QPointer<omics::OmicsConnection> m_testConnection;

    QLineEdit* m_name;
    QRadioButton* m_modeProfile;
    QRadioButton* m_modeKeys;
    QRadioButton* m_modeEmulator;
    QStackedWidget* m_pages;
    QComboBox* m_profile;
    QLabel* m_profileInfo;
    QLineEdit* m_accessKeyId;
    QLineEdit* m_secret;
    QComboBox* m_region;
    QLineEdit* m_endpoint;
    QLabel* m_emulatorInfo;
    QLabel* m_problem;
    QLabel* m_busy;
    QDialogButtonBox* m_buttons;
    QPushButton* m_save;
};

} // namespace bge::ui
