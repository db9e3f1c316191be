#pragma once

#include "authstate.h"

#include <QString>

#include <optional>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace bge::sandbox {

class DemoWorld;
class SampleRepository;
class StsRegistry;

struct ApiSettings
{
    QString ossEndpoint;  // what /sts/token advertises
    QString bucket;
    QString region;       // "cn-shenzhen"
    qint64 stsTtlSeconds = 3600;
    QString autoApproveParameter = QStringLiteral("sandbox_auto_approve");
};

// Everything a route handler needs; handlers run concurrently on server threads.
struct ApiContext
{
    const DemoWorld& world;
    SampleRepository& samples;
    AuthState& auth;
    StsRegistry& sts;
    ApiSettings settings;
};

enum class AppModes { UserOnly, Both };

// Checks the bearer token (403), the app's grant mode (40015) and the scope (401) in the
// platform's order; on refusal writes the error and returns nullopt.
std::optional<AccessGrant> authorizeCall(const ApiContext& api, const httplib::Request& req, httplib::Response& res,
                                         AppModes modes, const char* scope);

QString bearerToken(const httplib::Request& req);

void registerOAuthRoutes(httplib::Server& server, ApiContext& api);
void registerSampleRoutes(httplib::Server& server, ApiContext& api);
void registerVariantRoutes(httplib::Server& server, ApiContext& api);
void registerMicrobiomeRoutes(httplib::Server& server, ApiContext& api);
void registerFileRoutes(httplib::Server& server, ApiContext& api);
void registerModelRoutes(httplib::Server& server, ApiContext& api);

} // namespace bge::sandbox
