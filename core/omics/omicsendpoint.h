#pragma once

#include "api/result.h"
#include "omicsoperation.h"

#include <QUrl>

namespace bge::omics {

// Where HealthOmics requests go. The regional endpoint puts the operation's host prefix in
// front of the host (control-storage-omics.… / storage-omics.…, reference §1.2); an override
// (an emulator, a VPC endpoint) is used verbatim, as the SDKs do with host-prefix injection
// off, because "control-storage-127.0.0.1" resolves nowhere (§6.5).
class OmicsEndpoint final
{
public:
    OmicsEndpoint() = default;

    // https://omics.{region}.amazonaws.com; Usage error for a malformed region.
    static Result<OmicsEndpoint> forRegion(const QString& region);
    // An explicit URL: http(s) with a host, no query or fragment; plain http:// only to this
    // computer (keys sign every request, and the bodies are people's genomes).
    static Result<OmicsEndpoint> overridden(const QUrl& url);

    bool isValid() const { return m_base.isValid(); }
    bool isOverride() const { return m_override; }
    const QUrl& baseUrl() const { return m_base; }

    // The URL of one request: base (+ host prefix), base path + `path` (already encoded).
    QUrl url(Operation operation, const QByteArray& path, const QByteArray& encodedQuery = {}) const;
    // The Host header exactly as sent: host, with ":port" when the port is not the scheme's default.
    static QByteArray hostHeader(const QUrl& url);

private:
    QUrl m_base;
    bool m_override = false;
};

bool isValidRegion(const QString& region);

} // namespace bge::omics
