#pragma once

#include "osserror.h"
#include "sandboxclock.h"
#include "stsregistry.h"

#include "oss/signablerequest.h"

#include <QDateTime>

#include <optional>
#include <variant>

namespace bge::sandbox {

// Verifies an object-storage request's signature — header V1 or V4, presigned V1 or V4 —
// against the STS credentials the platform issued, and the credentials' validity.
// Answers the grant on success, or the OSS error the real service would give.
class OssAuthenticator final
{
public:
    OssAuthenticator(const StsRegistry& registry, QString region, int maxClockSkewSeconds,
                     qint64 clockOffsetSeconds = 0, qint64 clockOffsetAfterRequests = 0)
        : m_registry(registry), m_region(std::move(region)), m_maxSkew(maxClockSkewSeconds),
          m_clock(clockOffsetSeconds, clockOffsetAfterRequests)
    {
    }

    // `now`: the computer's time (grants expire by it); the signed date is checked against
    // the server's clock (see SandboxClock).
    std::variant<StsGrant, OssError> authenticate(const oss::SignableRequest& request, const QDateTime& now) const;
    // The server's time, for the Date header of an answer.
    QDateTime serverTime() const { return m_clock.now(); }

private:
    std::variant<StsGrant, OssError> headerV1(const oss::SignableRequest& r, const QDateTime& now) const;
    std::variant<StsGrant, OssError> headerV4(const oss::SignableRequest& r, const QDateTime& now) const;
    std::variant<StsGrant, OssError> presignedV1(const oss::SignableRequest& r, const QDateTime& now) const;
    std::variant<StsGrant, OssError> presignedV4(const oss::SignableRequest& r, const QDateTime& now) const;
    // RequestTimeTooSkewed when `signedAt` is too far from the server's time.
    std::optional<OssError> skewed(const QDateTime& signedAt) const;
    // The grant for an access key whose token matches and has not expired.
    std::variant<StsGrant, OssError> grantFor(const QString& accessKeyId, const QString& securityToken,
                                              const QDateTime& now) const;

    const StsRegistry& m_registry;
    QString m_region;
    int m_maxSkew;
    mutable SandboxClock m_clock;
};

} // namespace bge::sandbox
