#pragma once

#include <QDateTime>
#include <QString>

namespace bge::oss {

// Temporary object-storage credentials as `/sts/token` hands them out. The secret and the
// token are secrets: never log them.
struct OssCredentials
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken; // empty for long-term keys
    QDateTime expiration;  // UTC; invalid when unknown
};

} // namespace bge::oss
