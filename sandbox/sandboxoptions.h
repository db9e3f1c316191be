#pragma once

#include "faultinjection.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace bge::sandbox {

struct SandboxOptions
{
    int apiPort = 0; // 0 = pick a free port
    int ossPort = 0;
    QString dataDirectory; // empty = a temporary directory removed on exit
    quint64 seed = 20191;
    // --samples: how many demo samples the platform holds (the demo users and the pipeline app
    // share them; zhanglei3 owns about 3 in 8). Large numbers are for the scale benchmarks.
    int sampleCount = 240;
    QString configFile;
    qint64 tokenTtlSeconds = 21600;
    qint64 stsTtlSeconds = 3600;
    qint64 refreshTokenTtlSeconds = 30LL * 24 * 3600;
    QString advertisedOss; // empty = the OSS listener's own URL
    qint64 maxObjectSize = 5LL * 1024 * 1024 * 1024; // --max-object-size: a test aid
    FaultInjection faults;      // object storage (and the HealthOmics endpoint unless omicsFaults is set)
    int omicsPort = 0;          // the HealthOmics emulator, always on
    FaultInjection omicsFaults; // --omics-faults, else --oss-faults
    bool omicsQuotas = true;    // per-operation TPS quotas (ThrottlingException)
    qint64 omicsProcessingMs = 1000; // PROCESSING_UPLOAD → ACTIVE; an import job takes 1.5 times this
    qint64 omicsReadPartSize = 100LL * 1024 * 1024; // GetReadSet part size
    bool describeOnly = false;
    // Test aids (--clock-offset, --clock-offset-after): the object-storage clock this many
    // seconds off from the N-th request on (sandbox/oss/sandboxclock.h).
    qint64 ossClockOffsetSeconds = 0;
    qint64 ossClockOffsetAfterRequests = 0;
    FaultInjection apiFaults;   // --api-faults: the platform API and OAuth endpoints (api/apifaults.h)
    bool tls = false; // --tls: every endpoint over HTTPS with a throwaway CA made at start
    // --advertise-host: the host name (or address) in every URL the sandbox hands out, instead of
    // 127.0.0.1; the servers still listen on loopback only (e.g. this machine's name, for clients
    // that must reach the sandbox through a proxy, which Qt bypasses for 127.0.0.1).
    QString advertiseHost;
};

// Parses the command line; on a usage error returns nullopt with a message in *error.
std::optional<SandboxOptions> parseSandboxOptions(const QStringList& arguments, QString* error);

} // namespace bge::sandbox
