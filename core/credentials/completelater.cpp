#include "completelater.h"

#include "credentialslog.h"

namespace bge {

void completeLater(QObject* context, CredentialStore::Callback done, CredentialStore::Outcome outcome)
{
    if (!context) {
        qCWarning(lcCredentials) << "credential request without a context object; nobody is told the outcome";
        return;
    }
    if (!done)
        return;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), outcome = std::move(outcome)] { done(outcome); },
        Qt::QueuedConnection);
}

} // namespace bge
