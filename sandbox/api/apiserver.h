#pragma once

#include "apicontext.h"
#include "faultinjection.h"

#include <QString>

#include <memory>

namespace bge::sandbox {

// The platform API and OAuth pages on 127.0.0.1.
class ApiServer final
{
public:
    explicit ApiServer(ApiContext context);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    bool bind(int port, QString* error); // 0 = any free port
    int port() const;
    // --api-faults: before run(); requests are faulted from then on (see apifaults.h).
    void injectFaults(const FaultInjection& faults, quint64 seed);
    void run(); // serves until stop(); call from a thread of its own
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace bge::sandbox
