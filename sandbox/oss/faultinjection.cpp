#include "faultinjection.h"

#include <QRandomGenerator>
#include <QStringList>

#include <mutex>
#include <thread>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

std::optional<FaultInjection> FaultInjection::parse(const QString& spec, QString* error)
{
    FaultInjection f;
    for (const QString& item : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString name = item.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const double value = item.section(u'=', 1).trimmed().toDouble(&ok);
        if (name == u"error-rate" && ok && value >= 0 && value <= 1) {
            f.errorRate = value;
        } else if (name == u"drop-rate" && ok && value >= 0 && value <= 1) {
            f.dropRate = value;
        } else if (name == u"latency-ms" && ok && value >= 0 && value <= 60000) {
            f.latencyMs = int(value);
        } else if (name == u"corrupt-rate" && ok && value >= 0 && value <= 1) {
            f.corruptRate = value;
        } else if (name == u"corrupt-complete-rate" && ok && value >= 0 && value <= 1) {
            f.corruptCompleteRate = value;
        } else if (name == u"bandwidth-kibps" && ok && value >= 0 && value <= 16 * 1024 * 1024) {
            f.bandwidthKiBps = qint64(value);
        } else if (name == u"lost-reply-rate" && ok && value >= 0 && value <= 1) {
            f.lostPutReplyRate = f.lostPartReplyRate = f.lostCompleteReplyRate = value;
        } else if (name == u"lost-put-reply-rate" && ok && value >= 0 && value <= 1) {
            f.lostPutReplyRate = value;
        } else if (name == u"lost-part-reply-rate" && ok && value >= 0 && value <= 1) {
            f.lostPartReplyRate = value;
        } else if (name == u"lost-complete-reply-rate" && ok && value >= 0 && value <= 1) {
            f.lostCompleteReplyRate = value;
        } else {
            *error = u"--oss-faults: \"%1\" is not understood; use error-rate=0..1, drop-rate=0..1, "
                     "latency-ms=0..60000, corrupt-rate=0..1, corrupt-complete-rate=0..1, "
                     "bandwidth-kibps=0..16777216, lost-reply-rate=0..1 (or lost-put-reply-rate, "
                     "lost-part-reply-rate, lost-complete-reply-rate), separated by commas"_s.arg(item);
            return std::nullopt;
        }
    }
    return f;
}

namespace {

std::mutex& chanceMutex()
{
    static std::mutex mutex;
    return mutex;
}

QRandomGenerator& chanceGenerator()
{
    static QRandomGenerator generator; // guarded by chanceMutex()
    return generator;
}

} // namespace

void FaultInjection::seedChances(quint64 seed)
{
    const std::lock_guard lock(chanceMutex());
    // Salted so that the object-storage draws are not the API faults' (which hash the seed).
    chanceGenerator().seed(quint32(seed ^ (seed >> 32) ^ 0x0551u));
}

bool FaultInjection::chance(double rate)
{
    if (rate <= 0)
        return false;
    const std::lock_guard lock(chanceMutex());
    return chanceGenerator().generateDouble() < rate;
}

bool FaultInjection::evenly(double rate, std::atomic<qint64>& counter)
{
    if (rate <= 0)
        return false;
    const qint64 n = ++counter;
    const auto hits = [rate](qint64 calls) { return qint64(double(calls) * rate + 1e-9); };
    return hits(n) > hits(n - 1);
}

BandwidthPacer::BandwidthPacer(qint64 kibPerSecond)
    : m_bytesPerSecond(kibPerSecond * 1024), m_start(std::chrono::steady_clock::now())
{
}

void BandwidthPacer::pace(qint64 bytesSoFar) const
{
    if (m_bytesPerSecond <= 0)
        return;
    const auto due = m_start + std::chrono::microseconds(bytesSoFar * 1000000 / m_bytesPerSecond);
    std::this_thread::sleep_until(due);
}

} // namespace bge::sandbox

#include <httplib.h>

#ifdef __linux__
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace bge::sandbox {

namespace {

#ifdef __linux__
int portOf(const sockaddr_storage& address)
{
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
}
#endif

} // namespace

void dropConnection(const httplib::Request& request)
{
#ifdef __linux__
    // httplib does not expose the socket: find it among our descriptors by its port pair.
    DIR* fds = opendir("/proc/self/fd");
    if (!fds)
        return;
    while (const dirent* entry = readdir(fds)) {
        const int fd = std::atoi(entry->d_name);
        sockaddr_storage peer{};
        sockaddr_storage local{};
        socklen_t peerLength = sizeof peer;
        socklen_t localLength = sizeof local;
        if (fd <= 2 || getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peerLength) != 0
            || getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLength) != 0)
            continue;
        if (portOf(peer) == request.remote_port && portOf(local) == request.local_port) {
            ::shutdown(fd, SHUT_RDWR);
            break;
        }
    }
    closedir(fds);
#else
    Q_UNUSED(request);
#endif
}

} // namespace bge::sandbox
