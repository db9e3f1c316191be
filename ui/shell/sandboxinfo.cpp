#include "sandboxinfo.h"

#include "api/apiconnection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// A sandbox always listens on this computer over plain http; anything else is not ours.
bool isSandboxEndpoint(const QUrl& url)
{
    return url.isValid() && url.scheme() == u"http" && isLoopbackHost(url.host()) && url.port() > 0;
}

} // namespace

QString SandboxInfo::desktopClientId()
{
    return u"bge-desktop-demo"_s;
}

std::optional<SandboxInfo::Client> SandboxInfo::client(const QString& id) const
{
    for (const Client& c : clients) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

std::optional<SandboxInfo> SandboxInfo::parse(const QByteArray& line, QString* problem)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *problem = tr("The sandbox did not describe itself (its first line is not the expected JSON).");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    SandboxInfo info;
    info.apiEndpoint = QUrl(o.value(u"api_endpoint").toString(), QUrl::StrictMode);
    info.ossEndpoint = QUrl(o.value(u"oss_endpoint").toString(), QUrl::StrictMode);
    info.autoApproveParameter = o.value(u"auto_approve_param").toString();
    if (!isSandboxEndpoint(info.apiEndpoint)) {
        *problem = tr("The sandbox announced an API address that is not on this computer.");
        return std::nullopt;
    }
    for (const QJsonValue& v : o.value(u"clients").toArray()) {
        const QJsonObject c = v.toObject();
        info.clients.append({c.value(u"client_id").toString(), c.value(u"client_secret").toString(),
                             c.value(u"grant_type").toString()});
    }
    for (const QJsonValue& v : o.value(u"users").toArray()) {
        const QJsonObject u = v.toObject();
        info.users.append({u.value(u"username").toString(), u.value(u"nickname").toString()});
    }
    // An emulator announced elsewhere than on this computer is not ours either: its keys would
    // sign requests to a stranger. Without one, the rest of the sandbox is still usable.
    const QJsonObject omics = o.value(u"omics").toObject();
    if (!omics.isEmpty()) {
        SandboxInfo::Omics emulator{QUrl(omics.value(u"endpoint").toString(), QUrl::StrictMode),
                                    omics.value(u"region").toString(), omics.value(u"access_key_id").toString(),
                                    omics.value(u"secret_access_key").toString(),
                                    omics.value(u"import_role_arn").toString(),
                                    omics.value(u"reference_arn").toString(),
                                    {}};
        for (const QJsonValue& v : omics.value(u"s3_sources").toArray())
            emulator.s3Sources.append({v.toObject().value(u"uri").toString(), v.toObject().value(u"file_type").toString()});
        if (!isSandboxEndpoint(emulator.endpoint)) {
            *problem = tr("The sandbox announced a HealthOmics address that is not on this computer.");
            return std::nullopt;
        }
        if (!emulator.region.isEmpty() && !emulator.accessKeyId.isEmpty() && !emulator.secretAccessKey.isEmpty())
            info.omics = emulator;
    }
    const auto desktop = info.client(desktopClientId());
    if (!desktop || desktop->secret.isEmpty()) {
        *problem = tr("The sandbox does not offer the desktop demo client %1.").arg(desktopClientId());
        return std::nullopt;
    }
    return info;
}

} // namespace bge::ui
