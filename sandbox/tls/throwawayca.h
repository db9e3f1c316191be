#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace bge::sandbox {

// The files of a throwaway public-key infrastructure made for one sandbox run: a certificate
// authority clients are told to trust (--ca-bundle), and a server certificate it signed for
// 127.0.0.1, ::1, localhost and this machine's host name (and any extra names asked for) with its
// private key.
struct ThrowawayPki
{
    QString caFile;   // PEM, the CA certificate alone: what clients pass as --ca-bundle
    QString certFile; // PEM, the server certificate
    QString keyFile;  // PEM, the server's private key (owner-only permissions)
    QString caName;   // the CA's common name, as a client shows it ("issued by …")
};

// Generates a fresh CA and server certificate (ECDSA P-256, SHA-256) into `directory`, replacing
// the files of an earlier run. The CA's private key never leaves memory: nothing else can be
// signed with it once the sandbox has started.
// `extraNames` (host names or IP addresses, e.g. --advertise-host) join the certificate's names.
std::optional<ThrowawayPki> createThrowawayPki(const QString& directory, const QStringList& extraNames,
                                               QString* error);

} // namespace bge::sandbox
