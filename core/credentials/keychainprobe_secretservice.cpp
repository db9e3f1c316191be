#include "keychainprobe.h"

#include "credentialslog.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>

using namespace Qt::StringLiterals;

namespace bge {

namespace {

// Long enough for the bus to start gnome-keyring on demand, short of the store's own timeout.
constexpr int ProbeTimeoutMs = 5000;

QString reason(const char* text)
{
    return QCoreApplication::translate("bge::CredentialStore", text);
}

std::optional<QString> classify(const QDBusMessage& reply)
{
    if (reply.type() != QDBusMessage::ReplyMessage) {
        const QDBusError error(reply);
        qCInfo(lcCredentials) << "Secret Service probe:" << error.name() << error.message();
        // Nobody owns org.freedesktop.secrets and nothing can be started to own it (or what the
        // bus tried to start died): no keychain. Anything else (no reply, access denied) comes
        // from a keychain that is there, so the original error stands.
        if (error.type() == QDBusError::ServiceUnknown ||
            error.name().startsWith(u"org.freedesktop.DBus.Error.Spawn."))
            return reason(QT_TRANSLATE_NOOP("bge::CredentialStore", "no Secret Service such as GNOME Keyring "
                                                                    "or KWallet is running"));
        return std::nullopt;
    }
    // "/" means no default collection: gnome-keyring on a machine where nobody ever created a
    // login keyring, and no prompt could be shown to create one (a headless session).
    if (reply.arguments().value(0).value<QDBusObjectPath>().path() == u"/")
        return reason(QT_TRANSLATE_NOOP("bge::CredentialStore", "the Secret Service has no default keyring"));
    return std::nullopt;
}

} // namespace

void probeMissingKeychain(QObject* context, KeychainProbeCallback done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCInfo(lcCredentials) << "no D-Bus session bus:" << bus.lastError().message();
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                done(reason(QT_TRANSLATE_NOOP("bge::CredentialStore", "there is no D-Bus session bus")));
            },
            Qt::QueuedConnection);
        return;
    }

    QDBusMessage call =
        QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                                       u"org.freedesktop.Secret.Service"_s, u"ReadAlias"_s);
    call << u"default"_s;
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, ProbeTimeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher* finished) {
                         finished->deleteLater();
                         done(classify(finished->reply()));
                     });
}

} // namespace bge
