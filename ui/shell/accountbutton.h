#pragma once

#include <QToolButton>

class QAction;

namespace bge {
struct Profile;
struct User;
} // namespace bge

namespace bge::ui {

class UserCard;

// At the menu bar's corner: the signed-in user's name; its menu shows the user's profile and
// offers "Switch Profile…" and "Sign Out". Hidden while nobody is signed in.
class AccountButton final : public QToolButton
{
    Q_OBJECT
public:
    AccountButton(QAction* switchProfile, QAction* signOut, QWidget* parent = nullptr);

    void setUser(const bge::User& user, const bge::Profile& profile);
    void clear();
    UserCard* card() const { return m_card; }

private:
    UserCard* m_card;
};

} // namespace bge::ui
