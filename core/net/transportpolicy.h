#pragma once

#include <QString>

class QUrl;

namespace bge::net {

// The one rule for where secrets, tokens and file bytes may go: https://, or plain http:// only
// to this computer (127.0.0.0/8, ::1, localhost), where nothing crosses a network. It holds for
// the API endpoint as for every address a server hands out (object-storage endpoints of upload
// credentials, signed download URLs): a server must not be able to talk a client into sending
// in clear.
bool isSecureOrLocal(const QUrl& url);

// Empty when isSecureOrLocal(url); else a sentence naming the host, `what` saying what the
// address was for ("the object-storage endpoint of the upload credentials").
QString clearTextRefusal(const QUrl& url, const QString& what);

} // namespace bge::net
