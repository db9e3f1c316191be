#pragma once

namespace bge {

// How many files of a batch are transferred at once. A file sent in one request (a PutObject
// below the multipart threshold, any GET) spends most of its time on what each request costs —
// the round trip, the server storing and hashing it, the answer — rather than on bandwidth:
// one at a time, a folder of small files leaves the link and the server idle. A multipart
// upload already has its parts in flight and gains nothing from company (it would only split
// the bandwidth and the memory): it runs alone.
class FilesInFlight final
{
public:
    // A plain script with 8 requests in flight is the peer the benchmark measures against;
    // 8 also keeps the server's connections per client modest.
    static constexpr int kDefaultSingleRequestFiles = 8;

    explicit FilesInFlight(int singleRequestFiles = kDefaultSingleRequestFiles);

    bool mayStart(bool multipart) const;
    void started(bool multipart);
    void finished(bool multipart);
    int running() const { return m_single + (m_multipart ? 1 : 0); }
    int limit() const { return m_limit; }

private:
    int m_limit;
    int m_single = 0;
    bool m_multipart = false;
};

} // namespace bge
