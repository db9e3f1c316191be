#pragma once

// The environment of a `bge` process a suite starts against a sandbox: a home of its own
// (no user's settings, journals or keyring), the platform's client-credentials app with its
// secret, no proxy, nothing of the caller's BGE_* settings.
#include "common/sandboxprocess.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

namespace bge::test {

// `homeRoot` gets home/, config/, data/ and cache/ (made by the caller).
inline QProcessEnvironment bgeEnvironment(const SandboxProcess& sandbox, const QString& homeRoot,
                                          const QString& clientId)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : env.keys()) {
        if (name.startsWith(QStringLiteral("BGE_")) || name.endsWith(QStringLiteral("_proxy"), Qt::CaseInsensitive))
            env.remove(name);
    }
    env.insert(QStringLiteral("HOME"), homeRoot + QStringLiteral("/home"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), homeRoot + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), homeRoot + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), homeRoot + QStringLiteral("/cache"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:")); // never a real keyring
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("BGE_ENDPOINT"), sandbox.apiEndpoint());
    env.insert(QStringLiteral("BGE_CLIENT_ID"), clientId);
    env.insert(QStringLiteral("BGE_CLIENT_SECRET"),
               sandbox.clientById(clientId).value(QStringLiteral("client_secret")).toString());
    return env;
}

} // namespace bge::test
