#pragma once

#include <QString>

#include <optional>

namespace bge::sandbox {

// Reliability-test faults for the object-storage endpoint; all off by default.
// Parsed from `--oss-faults "error-rate=0.1,drop-rate=0.05,latency-ms=200"`.
struct FaultInjection
{
    double errorRate = 0.0; // fraction of requests answered 503 InternalError-style without effect
    double dropRate = 0.0;  // fraction of requests whose connection is closed mid-body
    int latencyMs = 0;      // delay added before each response

    bool enabled() const { return errorRate > 0 || dropRate > 0 || latencyMs > 0; }
    // nullopt and a message in *error on a malformed spec.
    static std::optional<FaultInjection> parse(const QString& spec, QString* error);
};

} // namespace bge::sandbox

namespace httplib {
struct Request;
}

namespace bge::sandbox {

// Fault injection only: cuts the TCP connection a request arrived on, so the client sees
// the connection die mid-transfer (httplib itself would answer a 400). Linux only; elsewhere
// a no-op.
void dropConnection(const httplib::Request& request);

} // namespace bge::sandbox
