#pragma once

#include "credentialstore.h"

namespace bge {

// Queues `done(outcome)` to `context`'s thread. Going through the event loop even when the
// answer is already known keeps the promise that a store never calls back inside the call;
// a context destroyed before delivery takes the queued call with it.
void completeLater(QObject* context, CredentialStore::Callback done, CredentialStore::Outcome outcome);

} // namespace bge
