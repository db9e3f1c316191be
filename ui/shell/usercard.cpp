#include "usercard.h"

#include "profiledisplay.h"

#include "api/records/user.h"
#include "profiles/profile.h"

#include <QFormLayout>
#include <QLabel>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The platform sends the sex as a number; 1 and 2 are the usual male/female codes of Chinese
// platforms. Anything else is shown as sent.
QString sexText(const QString& code)
{
    if (code == u"1")
        return UserCard::tr("Male");
    if (code == u"2")
        return UserCard::tr("Female");
    return code;
}

} // namespace

UserCard::UserCard(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this))
{
    setObjectName(u"userCard"_s);
    setAccessibleName(tr("Signed-in user"));
}

void UserCard::setUser(const User& user, const Profile& profile)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    addRow(tr("Name:"), user.nickname);
    addRow(tr("User name:"), user.username);
    addRow(tr("User ID:"), user.userId);
    addRow(tr("Email:"), user.email);
    addRow(tr("Phone:"), user.phone);
    addRow(tr("Sex:"), sexText(user.sex));
    addRow(tr("Birthday:"), user.birthday);
    addRow(tr("Address:"), user.address);
    addRow(tr("Personnel code:"), user.personnelInfoCode);
    addRow(tr("Profile:"), profileDisplayName(profile));
    addRow(tr("Endpoint:"), profile.endpoint.toDisplayString());
}

void UserCard::addRow(const QString& label, const QString& value)
{
    if (value.trimmed().isEmpty())
        return;
    auto* text = new QLabel(value, this);
    text->setTextFormat(Qt::PlainText); // text from the server is never markup
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setAccessibleName(label);
    m_form->addRow(label, text);
}

QString UserCard::field(const QString& label) const
{
    for (int row = 0; row < m_form->rowCount(); ++row) {
        auto* labelItem = m_form->itemAt(row, QFormLayout::LabelRole);
        auto* fieldItem = m_form->itemAt(row, QFormLayout::FieldRole);
        const auto* l = labelItem ? qobject_cast<QLabel*>(labelItem->widget()) : nullptr;
        const auto* f = fieldItem ? qobject_cast<QLabel*>(fieldItem->widget()) : nullptr;
        if (l && f && l->text() == label)
            return f->text();
    }
    return {};
}

} // namespace bge::ui
