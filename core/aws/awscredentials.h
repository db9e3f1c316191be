#pragma once

#include <QDateTime>
#include <QString>

namespace bge::aws {

// An AWS access key pair, with a session token for temporary credentials. The secret and the
// token are secrets: never log them (nor a signature made with them).
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys
    QDateTime expiration; // UTC; invalid when the credentials do not expire

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

} // namespace bge::aws
