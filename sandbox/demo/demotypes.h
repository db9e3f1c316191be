#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace bge::sandbox {

struct DemoUser
{
    QString userId; // 24 hex digits, like the platform's
    QString username;
    QString password;
    QString nickname;
    QString email;
    QString phone;
    int sex = 0; // 1 male, 2 female
    QString birthday;
    QString address;
    QString personnelInfoCode;
};

enum class GrantType { AuthorizationCode, ClientCredentials };

struct DemoClient
{
    QString clientId;
    QString clientSecret;
    QString name;
    GrantType grantType = GrantType::AuthorizationCode;
    QStringList redirectUris;
    QStringList scopes;
    QString partnerNumber; // the digits in the client's upload destination "DUS-<digits>-…"
};

struct Project
{
    QString projectId; // "P-W" + 11 digits
    QString name;
    QString publicDescription;
    int organism = 1;
};

struct SampleFile
{
    QString objectName; // key in the object storage
    QString fileName;
    QString dataType;   // "variants", "taxon_abundance", "gene_abundance"
    QString format;     // "vcf", "tsv"
    qint64 size = 0;
    QString md5;
};

// Who is calling: a user through an authorization-code app, or a client-credentials app.
struct Principal
{
    QString clientId;
    QString username; // empty for client-credentials tokens
    bool isUser() const { return !username.isEmpty(); }
};

struct Sample
{
    QString biosampleId;
    int site = 1;
    int omic = 1;
    int organism = 1;
    int status = 1001;
    QString ownerUser;   // the user the sample belongs to, or empty
    QString ownerClient; // for samples registered by / pre-generated for a client app
    QStringList projectIds;
    bool primary = true;
    bool dataAvailability = false;
    QDateTime collectionTime; // invalid when unknown
    QDateTime updateTime;
    QStringList platform, instrumentModel, sequencingTime, readType;
    std::optional<double> humanContamination, depth, basePairs, coverage;
    std::optional<qint64> variantCounting;
    QString externalSampleId;
    QMap<QString, QString> improvable; // library_id, library_strategy, …: empty value = not set yet
    QList<SampleFile> files;

    bool isVisibleTo(const Principal& p) const
    {
        return p.isUser() ? ownerUser == p.username : (ownerUser.isEmpty() && ownerClient == p.clientId);
    }
};

} // namespace bge::sandbox
