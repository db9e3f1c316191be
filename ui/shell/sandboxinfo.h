#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace bge::ui {

// What a running bge-sandbox says about itself in the one JSON line it prints at start-up:
// where it listens and which demo clients and users it knows. Holds the demo clients'
// secrets: never logged, never shown.
struct SandboxInfo
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::SandboxInfo)

public:
    struct Client
    {
        QString id;
        QString secret;
        QString grantType;
    };
    struct User
    {
        QString username;
        QString nickname;
    };
    // The HealthOmics emulator: the account the app offers as "the emulator the app started".
    struct Omics
    {
        QUrl endpoint;
        QString region;
        QString accessKeyId;
        QString secretAccessKey;
        QString importRoleArn; // a role the emulator lets import jobs assume
        QString referenceArn;  // the emulator's reference genome
        // Objects in the emulator's S3 that import jobs can read: {s3:// URI, file type}.
        QList<QPair<QString, QString>> s3Sources;
    };

    QUrl apiEndpoint;
    QUrl ossEndpoint;
    QString autoApproveParameter;
    QList<Client> clients;
    QList<User> users;
    std::optional<Omics> omics; // unset when the sandbox runs no HealthOmics emulator

    // The client the desktop app signs in as on the sandbox.
    static QString desktopClientId();
    std::optional<Client> client(const QString& id) const;

    // Reads the line; on failure returns nullopt and sets `problem` to a translated sentence.
    // Anything else than a JSON object with loopback http endpoints is refused: the app is about
    // to send a client secret there.
    static std::optional<SandboxInfo> parse(const QByteArray& line, QString* problem);
};

} // namespace bge::ui
