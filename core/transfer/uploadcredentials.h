#pragma once

#include "api/result.h"
#include "oss/osscredentials.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace bge {

class PlatformApi;
class TokenProvider;

// What an upload needs from the platform: temporary credentials, where to put the object and
// the client id for x-oss-meta-bge-open-client-id. Holds secrets: never log it.
struct UploadTarget
{
    oss::OssCredentials credentials;
    QString endpoint;    // "https://oss-cn-shenzhen.aliyuncs.com"
    QString bucket;
    QString region;
    QString destination; // objects go to <destination>/<file name>
    QString clientId;
};

// Hands out upload targets; an upload asks again (renew = true) before its credentials expire
// or when OSS refused them as expired.
class UploadCredentials
{
public:
    using Callback = std::function<void(const Result<UploadTarget>&)>;
    virtual ~UploadCredentials() = default;
    // Calls `ready` exactly once, asynchronously, on `context`'s thread (not at all if
    // `context` is gone). Without `renew`, a cached target that is not about to expire will do.
    virtual void acquire(QObject* context, bool renew, Callback ready) = 0;
};

// UploadCredentials on top of the platform: POST /sts/token, and the client id of the
// session's access token from /oauth2/introspect (asked once). Callers while a fetch is in
// flight wait for it rather than each making their own: the first files of a batch start
// together (8 small ones at once) and would otherwise each ask the platform.
class PlatformUploadCredentials final : public QObject, public UploadCredentials
{
    Q_OBJECT
public:
    PlatformUploadCredentials(PlatformApi* api, TokenProvider* tokens, QObject* parent = nullptr);
    void acquire(QObject* context, bool renew, Callback ready) override;

private:
    struct Waiting
    {
        QPointer<QObject> context;
        Callback ready;
    };
    void fetch();
    void fetchToken();
    void settle(const Result<UploadTarget>& target);

    PlatformApi* m_api;
    TokenProvider* m_tokens;
    QString m_clientId;
    std::optional<UploadTarget> m_cached;
    QList<Waiting> m_waiting; // callers of the fetch in flight; empty: none in flight
};

// Seconds before expiry at which credentials count as expiring: a fifth of their lifetime,
// between 1 s and 5 min.
qint64 renewalMarginSeconds(const QDateTime& obtained, const QDateTime& expiration);

} // namespace bge
