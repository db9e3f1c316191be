#pragma once

#include <QWidget>

namespace bge {
struct AuthorizationResponse;
}

namespace bge::ui {

// What the sign-in page shows when the platform's page answered with an OAuth error instead of
// a code: the person declined (access_denied) or the platform refused the request. A sentence
// saying what happened and what to do, the platform's own words when it gave any, and "Sign In
// Again", which brings the platform's page back. The profile stays: nothing was wrong with it
// that another attempt cannot fix, or the sentence says what to change.
class AuthorizationRefusalPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit AuthorizationRefusalPanel(const AuthorizationResponse& response, QWidget* parent = nullptr);

    // The sentence for an OAuth error code (RFC 6749 §4.1.2.1), in the user's language.
    static QString sentence(const QString& error);

Q_SIGNALS:
    void signInAgainRequested();
};

} // namespace bge::ui
