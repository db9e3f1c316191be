#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bge::ui {

// Asks for the client application's secret: once for an authorization-code app whose secret is
// not in the keychain yet, and for each interactive sign-in of a client-credentials app (the
// application then signs in as itself with its id and secret).
class ClientSecretForm final : public QWidget
{
    Q_OBJECT
public:
    enum class Purpose
    {
        AuthorizationCode,
        ClientCredentials
    };

    ClientSecretForm(Purpose purpose, const QString& clientId, QWidget* parent = nullptr);

    // While the secret is being checked: fields and button disabled.
    void setBusy(bool busy);
    void showError(const QString& text);

Q_SIGNALS:
    void submitted(const QString& secret);

private:
    void submit();

    QLineEdit* m_secret = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace bge::ui
