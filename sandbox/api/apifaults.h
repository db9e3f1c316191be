#pragma once

#include "faultinjection.h"

#include <QString>

#include <atomic>
#include <optional>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace bge::sandbox {

// `--api-faults`: reliability faults on the platform API and its OAuth endpoints, with the
// syntax of --oss-faults restricted to the kinds a gateway in front of the API produces:
//   error-rate=R  a request is answered 502 or 503 by the "front end" without reaching the API;
//   drop-rate=R   of the requests not so answered, one is cut off (connection closed, no answer)
//                 before it is handled, so nothing changes on the server;
//   latency-ms=N  every answer (faulty or not) leaves N ms later.
// Both happen before the request is handled: a retry can never find that its first attempt took
// effect. The draws come from the sandbox's --seed and the request's rank among the faultable
// requests (1, 2, 3, ...), so a client that sends one request at a time meets the same faults
// on every run with the same seed.
class ApiFaults final
{
public:
    ApiFaults(const FaultInjection& faults, quint64 seed);

    // FaultInjection's parser, limited to error-rate, drop-rate and latency-ms.
    static std::optional<FaultInjection> parse(const QString& spec, QString* error);
    // Paths never faulted (see apifaults.cpp for why).
    static bool exempt(std::string_view path);

    // From the server's pre-routing handler: delays, then answers 5xx or cuts the connection.
    // True when the request was dealt with (answered or dropped) and must not reach the routes.
    bool intercept(const httplib::Request& req, httplib::Response& res);

    // "N requests: E 5xx, D dropped, L delayed", for the log when the sandbox stops.
    QString summary() const;

private:
    FaultInjection m_faults;
    quint64 m_seed;
    std::atomic<quint64> m_requests{0};
    std::atomic<quint64> m_errors{0};
    std::atomic<quint64> m_drops{0};
    std::atomic<quint64> m_delayed{0};
};

} // namespace bge::sandbox
