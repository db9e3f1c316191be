#pragma once

#include <QDateTime>
#include <QString>

namespace bge::sandbox {

// Temporary object-storage credentials issued by `/sts/token` (or held by the platform
// itself to presign downloads), and what they allow.
struct StsGrant
{
    QString accessKeyId;     // "STS.<random>"
    QString accessKeySecret;
    QString securityToken;
    QDateTime expiration;    // UTC
    QString clientId;        // OAuth client the credentials were issued to (empty for the platform's own)
    // Objects the grant may touch: keys "<prefix><name>" where <name> has no '/'
    // (the platform's "no sub-directories under destination" rule). Empty prefix = whole bucket.
    QString prefix;
    bool writable = false;   // PutObject / multipart allowed (within prefix)
};

} // namespace bge::sandbox
