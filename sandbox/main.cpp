// bge-sandbox: a faithful offline BGE Open Platform (API, OAuth pages, OSS-compatible storage) and
// AWS HealthOmics sequence stores.
#include "api/apiserver.h"
#include "demo/demofiles.h"
#include "demo/demoworld.h"
#include "demo/samplerepository.h"
#include "omics/omicsdemo.h"
#include "omics/omicsserver.h"
#include "oss/ossserver.h"
#include "oss/ossstore.h"
#include "sandboxdescription.h"
#include "sandboxoptions.h"
#include "throwawayca.h"
#include "loopbackserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <thread>

using namespace bge::sandbox;
using namespace Qt::StringLiterals;

namespace {

int fail(const QString& message, int code = 1)
{
    QTextStream(stderr) << "bge-sandbox: " << message << Qt::endl;
    return code;
}

// Blocks SIGINT/SIGTERM in every thread (server threads inherit the mask) so that the main
// thread alone receives them through sigwait() and shuts the servers down cleanly.
sigset_t blockTerminationSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bge-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BGE_VERSION));

    QString error;
    const auto options = parseSandboxOptions(QCoreApplication::arguments(), &error);
    if (!options)
        return fail(error + u"\nTry 'bge-sandbox --help'."_s, 2);

    DemoWorld world = DemoWorld::generate(options->seed, options->sampleCount);
    if (!options->configFile.isEmpty() && !world.loadClientConfig(options->configFile, &error))
        return fail(error, 2);

    const QString bucket = u"bge-open-sandbox"_s;
    const QString region = u"cn-shenzhen"_s;
    const QString autoApprove = u"sandbox_auto_approve"_s;

    // --advertise-host: the name clients use; the servers stay on loopback whatever it is.
    QString advertised = options->advertiseHost.isEmpty() ? u"127.0.0.1"_s : options->advertiseHost;
    if (advertised.contains(u':'))
        advertised = u'[' + advertised + u']';
    const QString local = (options->tls ? u"https://"_s : u"http://"_s) + advertised + u":%1"_s;
    if (options->describeOnly) {
        const SampleRepository samples(world.initialSamples());
        const QString api = local.arg(options->apiPort);
        const QString oss = options->advertisedOss.isEmpty() ? local.arg(options->ossPort) : options->advertisedOss;
        const QString omicsEndpoint = local.arg(options->omicsPort);
        std::fputs(describeSandbox(world, samples, api, oss, bucket, region, autoApprove, *options,
                                   omics::OmicsDemo::generate(options->seed), omicsEndpoint)
                       .constData(),
                   stdout);
        std::fputs("\n", stdout);
        return 0;
    }

    QTemporaryDir temporaryData(QDir::tempPath() + u"/bge-sandbox-XXXXXX"_s);
    const QString dataDir = options->dataDirectory.isEmpty() ? temporaryData.path() : options->dataDirectory;
    if (dataDir.isEmpty() || !QDir().mkpath(dataDir) || !QFileInfo(dataDir).isWritable())
        return fail(u"the data directory \"%1\" cannot be created or written"_s.arg(dataDir));

    // A fresh CA at every start (in the data folder, so its path stays the same across restarts):
    // nothing signed by an earlier run is trusted by a client given this run's file.
    std::optional<ThrowawayPki> pki;
    if (options->tls) {
        pki = createThrowawayPki(QDir(dataDir).absoluteFilePath(u"tls"_s),
                                 options->advertiseHost.isEmpty() ? QStringList() : QStringList{options->advertiseHost},
                                 &error);
        if (!pki)
            return fail(error);
        LoopbackServer::useTls(pki->certFile, pki->keyFile);
    }

    const sigset_t signals = blockTerminationSignals();

    StsRegistry stsRegistry;
    OssServerConfig ossConfig;
    ossConfig.bucket = bucket;
    ossConfig.region = region;
    ossConfig.dataDirectory = dataDir;
    ossConfig.faults = options->faults;
    FaultInjection::seedChances(quint64(options->seed));
    ossConfig.maxObjectSize = options->maxObjectSize;
    ossConfig.clockOffsetSeconds = options->ossClockOffsetSeconds;
    ossConfig.clockOffsetAfterRequests = options->ossClockOffsetAfterRequests;
    OssServer oss(ossConfig, stsRegistry);
    if (!oss.bind(options->ossPort, &error))
        return fail(error);

    attachDemoFiles(world.initialSamples(), oss.store(), options->seed);
    SampleRepository samples(world.initialSamples());
    AuthStateSettings authSettings;
    authSettings.accessTokenTtlSeconds = options->tokenTtlSeconds;
    authSettings.refreshTokenTtlSeconds = options->refreshTokenTtlSeconds;
    // Issued sessions outlive the process, as on the real platform: an app restarted with the
    // same data folder signs in silently.
    authSettings.file = dataDir + u"/api/oauth-grants.json"_s;
    AuthState auth(authSettings);

    const QString ossEndpoint =
        options->advertisedOss.isEmpty() ? local.arg(oss.port()) : options->advertisedOss;
    ApiSettings settings;
    settings.ossEndpoint = ossEndpoint;
    settings.bucket = bucket;
    settings.region = region;
    settings.stsTtlSeconds = options->stsTtlSeconds;
    settings.autoApproveParameter = autoApprove;
    ApiServer api(ApiContext{world, samples, auth, stsRegistry, settings});
    if (!api.bind(options->apiPort, &error))
        return fail(error);
    api.injectFaults(options->apiFaults, options->seed);

    omics::OmicsServerConfig omicsConfig;
    omicsConfig.dataDirectory = dataDir;
    omicsConfig.seed = options->seed;
    omicsConfig.faults = options->omicsFaults;
    omicsConfig.quotas = options->omicsQuotas;
    omicsConfig.processingMs = options->omicsProcessingMs;
    omicsConfig.readPartSize = options->omicsReadPartSize;
    omics::OmicsServer omicsServer(omicsConfig);
    if (!omicsServer.open(&error))
        return fail(error);
    if (!omicsServer.bind(options->omicsPort, &error))
        return fail(error);
    const QString omicsEndpoint = local.arg(omicsServer.port());

    const QString apiEndpoint = local.arg(api.port());
    std::fputs(describeSandbox(world, samples, apiEndpoint, ossEndpoint, bucket, region, autoApprove, *options,
                               omicsServer.demo(), omicsEndpoint, pki ? pki->caFile : QString())
                   .constData(),
               stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);

    QTextStream(stderr) << "bge-sandbox " << BGE_VERSION << ": API and sign-in page on " << apiEndpoint
                        << ", object storage on " << ossEndpoint << " (bucket " << bucket << "), HealthOmics on "
                        << omicsEndpoint << (options->omicsQuotas ? "" : " (quotas off)") << ", data in " << dataDir
                        << (options->faults.enabled() || options->omicsFaults.enabled() ? ", fault injection ON" : "")
                        << (options->apiFaults.enabled() ? ", API faults ON" : "")
                        << (pki ? u", TLS by the throwaway CA in "_s + pki->caFile : QString()) << ".\n"
                        << "  Demo users sign in with password \"" << world.users().constFirst().password
                        << "\"; clients and secrets are in the JSON line above. Ctrl+C stops." << Qt::endl;

    std::thread ossThread([&oss] { oss.run(); });
    std::thread apiThread([&api] { api.run(); });
    std::thread omicsThread([&omicsServer] { omicsServer.run(); });

    int received = 0;
    sigwait(&signals, &received);
    QTextStream(stderr) << "bge-sandbox: stopping (signal " << received << ")" << Qt::endl;
    api.stop();
    oss.stop();
    omicsServer.stop();
    omicsThread.join();
    apiThread.join();
    ossThread.join();
    return 0;
}
