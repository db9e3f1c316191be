#pragma once

#include "osserror.h"
#include "stsregistry.h"

#include "oss/signablerequest.h"

#include <QDateTime>

#include <variant>

namespace bge::sandbox {

// Verifies an object-storage request's signature — header V1 or V4, presigned V1 or V4 —
// against the STS credentials the platform issued, and the credentials' validity.
// Answers the grant on success, or the OSS error the real service would give.
class OssAuthenticator final
{
public:
    OssAuthenticator(const StsRegistry& registry, QString region, int maxClockSkewSeconds)
        : m_registry(registry), m_region(std::move(region)), m_maxSkew(maxClockSkewSeconds)
    {
    }

    std::variant<StsGrant, OssError> authenticate(const oss::SignableRequest& request, const QDateTime& now) const;

private:
    std::variant<StsGrant, OssError> headerV1(const oss::SignableRequest& r, const QDateTime& now) const;
    std::variant<StsGrant, OssError> headerV4(const oss::SignableRequest& r, const QDateTime& now) const;
    std::variant<StsGrant, OssError> presignedV1(const oss::SignableRequest& r, const QDateTime& now) const;
    std::variant<StsGrant, OssError> presignedV4(const oss::SignableRequest& r, const QDateTime& now) const;
    // The grant for an access key whose token matches and has not expired.
    std::variant<StsGrant, OssError> grantFor(const QString& accessKeyId, const QString& securityToken,
                                              const QDateTime& now) const;

    const StsRegistry& m_registry;
    QString m_region;
    int m_maxSkew;
};

} // namespace bge::sandbox
