#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace bge {

// Asked after a keychain request failed: is there no usable keychain here at all (`done` gets a
// translated reason such as "there is no D-Bus session bus"), or did a keychain that exists
// fail or refuse (`done` gets nothing)? On Linux QtKeychain reports both as OtherError with
// GLib's message, which is translated into the user's language, so the answer comes from the
// session bus itself rather than from that text. `done` runs later, on `context`'s thread.
using KeychainProbeCallback = std::function<void(const std::optional<QString>& missingReason)>;
void probeMissingKeychain(QObject* context, KeychainProbeCallback done);

} // namespace bge
