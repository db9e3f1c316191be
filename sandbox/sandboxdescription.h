#pragma once

#include <QByteArray>
#include <QString>

namespace bge::sandbox::omics {
struct OmicsDemo;
}

namespace bge::sandbox {

class DemoWorld;
class SampleRepository;
struct SandboxOptions;

// The one line of JSON the sandbox prints on start (and for --describe): endpoints, the
// sandbox-only authorize parameter, demo users with samples they own, clients, models, and the
// HealthOmics emulator ("omics": endpoint, keys, stores, reference, import role and sources), and
// under --tls the throwaway CA clients must be given ("ca_file", empty for --describe).
QByteArray describeSandbox(const DemoWorld& world, const SampleRepository& samples, const QString& apiEndpoint,
                           const QString& ossEndpoint, const QString& bucket, const QString& region,
                           const QString& autoApproveParameter, const SandboxOptions& options,
                           const omics::OmicsDemo& omicsDemo, const QString& omicsEndpoint,
                           const QString& caFile = {});

} // namespace bge::sandbox
