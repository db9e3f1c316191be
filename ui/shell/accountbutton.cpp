#include "accountbutton.h"

#include "paletteiconengine.h"
#include "usercard.h"

#include "api/records/user.h"
#include "profiles/profile.h"

#include <QMenu>
#include <QWidgetAction>

namespace bge::ui {

using namespace Qt::StringLiterals;

AccountButton::AccountButton(QAction* switchProfile, QAction* signOut, QWidget* parent) : QToolButton(parent)
{
    setObjectName(u"accountButton"_s);
    setIcon(uiIcon(u"avatar-default"_s, u"account"_s));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);

    auto* menu = new QMenu(this);
    menu->setObjectName(u"accountMenu"_s);
    auto* cardAction = new QWidgetAction(menu);
    m_card = new UserCard(menu);
    m_card->setContentsMargins(8, 4, 8, 4);
    cardAction->setDefaultWidget(m_card);
    menu->addAction(cardAction);
    menu->addSeparator();
    menu->addAction(switchProfile);
    menu->addAction(signOut);
    setMenu(menu);
    clear();
}

void AccountButton::setUser(const User& user, const Profile& profile)
{
    const QString name = user.nickname.isEmpty() ? user.username : user.nickname;
    setText(name.isEmpty() ? tr("Account") : name);
    setToolTip(tr("Signed in as %1 on %2").arg(text(), profile.endpoint.toDisplayString()));
    setAccessibleName(tr("Account: %1").arg(text()));
    m_card->setUser(user, profile);
    show();
}

void AccountButton::clear()
{
    setText(QString());
    hide();
}

} // namespace bge::ui
