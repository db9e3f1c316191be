#pragma once

#include <QWidget>

class QFormLayout;

namespace bge {
struct Profile;
struct User;
} // namespace bge

namespace bge::ui {

// The signed-in user's profile as the platform sent it (only the fields present, which depend
// on the token's permissions), and which profile and endpoint the window talks to.
class UserCard final : public QWidget
{
    Q_OBJECT
public:
    explicit UserCard(QWidget* parent = nullptr);

    void setUser(const bge::User& user, const bge::Profile& profile);
    // The text of the row labelled `label`, for tests; empty when absent.
    QString field(const QString& label) const;

private:
    void addRow(const QString& label, const QString& value);

    QFormLayout* m_form;
};

} // namespace bge::ui
