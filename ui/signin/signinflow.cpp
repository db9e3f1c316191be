#include "signinflow.h"

#include "account.h"

#include "api/records/user.h"

#include <QTimer>
#include <QWidget>

namespace bge::ui {

SignInFlow::SignInFlow(Account* account, QWidget* host, QObject* parent)
    : QObject(parent)
    , m_account(account)
    , m_host(host)
{
}

void SignInFlow::start()
{
    QTimer::singleShot(0, this, [this] { Q_EMIT cancelled(); });
}

} // namespace bge::ui
