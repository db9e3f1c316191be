#include "keychainprobe.h"

namespace bge {

// Keychain Services and the Credential Manager are part of the system: QtKeychain says
// NoBackendAvailable itself when they are missing, so any other error is a real failure.
void probeMissingKeychain(QObject* context, KeychainProbeCallback done)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(std::nullopt); }, Qt::QueuedConnection);
}

} // namespace bge
