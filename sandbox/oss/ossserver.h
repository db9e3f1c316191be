#pragma once

#include "faultinjection.h"
#include "stsregistry.h"

#include <QString>

#include <memory>

namespace bge::sandbox {

class OssStore;

struct OssServerConfig
{
    QString bucket = QStringLiteral("bge-open-sandbox");
    QString region = QStringLiteral("cn-shenzhen"); // V4 scope region (standard id, no "oss-" prefix)
    QString dataDirectory;                          // objects and multipart state live under <dir>/oss
    FaultInjection faults;
    int maxClockSkewSeconds = 15 * 60;
    // The largest PutObject or UploadPart body (OSS: 5 GiB), however it is sent; lowered by
    // tests (--max-object-size) to reach the limit without sending gigabytes.
    qint64 maxObjectSize = 5LL * 1024 * 1024 * 1024;
    qint64 clockOffsetSeconds = 0;       // test aid: see SandboxClock
    qint64 clockOffsetAfterRequests = 0;
};

// The OSS-compatible endpoint: PutObject, multipart (Initiate, UploadPart, Complete, Abort,
// ListParts), GetObject (Range), HeadObject. Request bodies stream to disk.
class OssServer final
{
public:
    OssServer(OssServerConfig config, const StsRegistry& registry);
    ~OssServer();
    OssServer(const OssServer&) = delete;
    OssServer& operator=(const OssServer&) = delete;

    // Binds to 127.0.0.1:port (0 = any free port). False and a message when that fails.
    bool bind(int port, QString* error);
    int port() const;
    // Serves until stop(); call from a thread of its own.
    void run();
    void stop();

    // The object store, so the platform side can place demo files (sample attachments).
    OssStore& store();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace bge::sandbox
