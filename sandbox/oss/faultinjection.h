#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <optional>

namespace bge::sandbox {

// Reliability-test faults for the object-storage endpoint; all off by default.
// Parsed from `--oss-faults "error-rate=0.1,drop-rate=0.05,latency-ms=200"`.
//
// Damaged data (corrupt-rate, corrupt-complete-rate): the fault is in the bytes, never in the
// answer. OSS computes x-oss-hash-crc64ecma over what it stored, so a bit flipped on the way
// (a NIC, a proxy, memory: what TCP's 16-bit checksum lets through) shows as an honest CRC
// that differs from the client's. Flipping the stored bytes rather than lying in the header
// keeps the sandbox faithful: a client that ignored the CRC really would leave a damaged
// object behind, and a test reading the object back would see it. Unlike the other rates,
// these pick their victims evenly, not at random (the n-th body is damaged when
// floor(n * rate) > floor((n - 1) * rate): 0.5 damages every second body, 1 every body), so
// that a test knows what happens: a random pick would now and then damage nothing, or one
// part on every attempt.
struct FaultInjection
{
    double errorRate = 0.0; // fraction of requests answered 503 InternalError-style without effect
    double dropRate = 0.0;  // fraction of requests whose connection is closed mid-body
    int latencyMs = 0;      // delay added before each response
    // Fraction of PutObject/UploadPart bodies stored with one bit flipped.
    double corruptRate = 0.0;
    // Fraction of CompleteMultipartUpload calls assembling an object with one bit flipped.
    double corruptCompleteRate = 0.0;
    // Each request's body received or sent at most this fast, in KiB/s (0: unlimited).
    qint64 bandwidthKiBps = 0;
    // Lost replies: the write is done (the object or part stored, the upload completed), then
    // the connection is cut before the 200 goes out, as when a reply dies on the way back or a
    // client's stall timer fires first. The client cannot tell this from a write that never
    // happened, and must find out when it tries again. Even picks, as the corrupt rates, each
    // kind counted on its own (`lost-reply-rate` sets all three): with 1, every PutObject that
    // stores an object loses its reply, while the retry refused by x-oss-forbid-overwrite
    // stores nothing and is answered.
    double lostPutReplyRate = 0.0;      // PutObject
    double lostPartReplyRate = 0.0;     // UploadPart
    double lostCompleteReplyRate = 0.0; // CompleteMultipartUpload

    bool enabled() const
    {
        return errorRate > 0 || dropRate > 0 || latencyMs > 0 || corruptRate > 0 || corruptCompleteRate > 0 ||
               bandwidthKiBps > 0 || lostPutReplyRate > 0 || lostPartReplyRate > 0 || lostCompleteReplyRate > 0;
    }
    // True with probability `rate` (thread-safe). The draws come from one generator for the
    // whole sandbox, seeded by seedChances(): a client sending one request at a time meets the
    // same faults on every run with the same --seed; concurrent requests share the sequence in
    // the order they arrive, which no seed can fix.
    static bool chance(double rate);
    static void seedChances(quint64 seed);
    // True for an even spread of `rate` of the calls counted by `counter` (see above).
    static bool evenly(double rate, std::atomic<qint64>& counter);
    // nullopt and a message in *error on a malformed spec.
    static std::optional<FaultInjection> parse(const QString& spec, QString* error);
};

// Holds one body to bandwidthKiBps: pace(n) sleeps until n bytes are due since construction.
class BandwidthPacer final
{
public:
    explicit BandwidthPacer(qint64 kibPerSecond);
    void pace(qint64 bytesSoFar) const;

private:
    qint64 m_bytesPerSecond;
    std::chrono::steady_clock::time_point m_start;
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
