#pragma once

// What the HealthOmics GUI suites share: a sandbox whose emulator they talk to, accounts in a
// private ini file, the real (private) keychain, and the API as a reference to compare with.
#include "common/sandboxprocess.h"
#include "coretestsupport.h"
#include "omics/omicstestsupport.h"
#include "shell/sandboxinfo.h"

#include "credentials/credentialstore.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnections.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace bge::test {

struct OmicsGuiEnvironment
{
    SandboxProcess sandbox;
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<CredentialStore> keychain;
    QNetworkAccessManager network;
    std::unique_ptr<omics::OmicsConnections> connections;
    std::optional<ui::SandboxInfo> info;

    bool start()
    {
        if (!dir.isValid() || !sandbox.start())
            return false;
        settings =
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        keychain = createSystemCredentialStore(QStringLiteral("bge-tests-omics"));
        connections = std::make_unique<omics::OmicsConnections>(settings.get(), keychain.get(), &network);
        QString problem;
        info = ui::SandboxInfo::parse(QJsonDocument(sandbox.description()).toJson(QJsonDocument::Compact),
                                      &problem);
        return info && info->omics;
    }

    const ui::SandboxInfo::Omics& emulator() const { return *info->omics; }
    QJsonObject omicsJson() const { return sandbox.description().value(u"omics").toObject(); }
    QStringList storeIds() const
    {
        QStringList ids;
        for (const QJsonValue& v : omicsJson().value(u"sequence_stores").toArray())
            ids.append(v.toObject().value(u"id").toString());
        return ids;
    }

    omics::OmicsAccount emulatorAccount(const QString& name) const
    {
        omics::OmicsAccount a;
        a.name = name;
        a.region = emulator().region;
        a.accessKeyId = emulator().accessKeyId;
        a.endpoint = emulator().endpoint.toString();
        return a;
    }

    // Saves an account with the emulator's keys directly (not through the dialog).
    bool saveEmulatorAccount(const QString& name)
    {
        std::optional<QString> problem;
        QObject context;
        connections->save(emulatorAccount(name), emulator().secretAccessKey, &context,
                          [&problem](const QString& p) { problem = p; });
        return QTest::qWaitFor([&problem] { return problem.has_value(); }, kWaitMs) && problem->isEmpty();
    }

    // What the keychain holds under `key` (nullopt: nothing).
    std::optional<QString> keychainSecret(const QString& key)
    {
        std::optional<CredentialStore::Outcome> outcome;
        QObject context;
        keychain->read(key, &context, [&outcome](const CredentialStore::Outcome& o) { outcome = o; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, kWaitMs) ||
            outcome->status != CredentialStore::Status::Ok)
            return std::nullopt;
        return outcome->secret;
    }

    // How many times the emulator logged "omics: <method> <path-prefix>".
    int omicsRequests(const QString& methodAndPathPrefix)
    {
        return int(sandbox.errorOutput().count(QStringLiteral("omics: ") + methodAndPathPrefix));
    }
};

// Every page of a List operation through the API, as the reference to compare views with.
template <typename T, typename Call> std::optional<QList<T>> allPages(Call call)
{
    QList<T> items;
    QString token;
    for (int page = 0; page < 1000; ++page) {
        omics::ListOptions options;
        options.nextToken = token;
        const Result<omics::OmicsPage<T>> r = await(call(options));
        if (!r)
            return std::nullopt;
        items.append(r.value().items);
        token = r.value().nextToken;
        if (token.isEmpty())
            return items;
    }
    return std::nullopt;
}

} // namespace bge::test
