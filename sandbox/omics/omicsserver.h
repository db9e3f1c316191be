#pragma once

#include "faultinjection.h"

#include <QString>

#include <memory>

namespace bge::sandbox::omics {

struct OmicsDemo;

struct OmicsServerConfig
{
    QString dataDirectory; // state lives under <dir>/omics
    quint64 seed = 20191;
    FaultInjection faults;
    bool quotas = true;                        // per-operation TPS quotas (ThrottlingException)
    qint64 processingMs = 1000;                // PROCESSING_UPLOAD → ACTIVE, and an import job's pace
    qint64 readPartSize = 100LL * 1024 * 1024; // GetReadSet part size
};

// The AWS HealthOmics read-set endpoint (protocol reference §1.3 / §2): SigV4, restJson1, the 14
// read-set operations, on its own loopback port. Request bodies stream to disk.
class OmicsServer final
{
public:
    explicit OmicsServer(OmicsServerConfig config);
    ~OmicsServer();
    OmicsServer(const OmicsServer&) = delete;
    OmicsServer& operator=(const OmicsServer&) = delete;

    bool open(QString* error);           // loads or creates the state
    bool bind(int port, QString* error); // 127.0.0.1:port (0 = any free port)
    int port() const;
    void run(); // serves until stop(); call from a thread of its own
    void stop();

    const OmicsDemo& demo() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace bge::sandbox::omics
