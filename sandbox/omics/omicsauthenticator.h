#pragma once

#include "omicserror.h"

#include "aws/sigv4.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace bge::sandbox::omics {

// Verifies SigV4 header authentication the way the AWS front end does, with the emulator's one
// key pair, and refuses with the errors it gives (see verify()).
class OmicsAuthenticator final
{
public:
    OmicsAuthenticator(QByteArray accessKeyId, QByteArray secretAccessKey, QByteArray region);

    // Checks everything that does not need the body's hash: presence and shape of the
    // Authorization header, the key, the credential scope and the clock. nullopt when fine.
    std::optional<OmicsError> precheck(const aws::SigV4::Request& request, const QDateTime& now) const;
    // The signature itself over `payloadHash` (the x-amz-content-sha256 header when present,
    // else hex SHA-256 of the body as received).
    std::optional<OmicsError> verify(const aws::SigV4::Request& request, const QByteArray& payloadHash) const;

private:
    QByteArray m_accessKeyId;
    QByteArray m_secret;
    QByteArray m_region;
};

} // namespace bge::sandbox::omics
