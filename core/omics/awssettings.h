#pragma once

#include "api/result.h"
#include "aws/awscredentials.h"
#include "omicsendpoint.h"

#include <QProcessEnvironment>
#include <QUrl>

namespace bge::omics {

// What the caller states explicitly (command-line options, the app's account): each wins
// over the environment and the shared files.
struct AwsSettingsRequest
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString profile;  // --aws-profile: env credentials are then ignored, as botocore does
    QString region;   // --region
    QString endpoint; // --omics-endpoint
};

// Settings and credentials resolved the way the AWS SDKs do (reference §6). Holds no secret
// beyond `credentials`, which must not be logged.
struct AwsSettings
{
    enum class CredentialSource
    {
        None,
        Environment,
        SharedFile,
        Process
    };

    QString profile;      // the profile in use ("default" when none was named)
    QString region;       // empty when nothing set one
    QString regionSource; // "AWS_REGION", "profile dev", … for --verbose
    QUrl endpoint;        // an override; empty for the regional endpoint
    QString endpointSource;
    CredentialSource credentialSource = CredentialSource::None;
    aws::AwsCredentials credentials; // Environment, SharedFile
    QString credentialProcess;       // Process: the command line
    QString configPath;
    QString credentialsPath;

    // The endpoint to use: the override, else the regional one; Usage errors for a missing or
    // malformed region or a refused override.
    Result<OmicsEndpoint> resolveEndpoint() const;
};

// ~/.aws, from HOME (then USERPROFILE, then HOMEDRIVE+HOMEPATH, as the JS SDK does).
QString awsHomeDirectory(const QProcessEnvironment& environment);

// Reads the environment and the shared files. Usage errors: a named profile that exists in
// neither file, an access key without its secret (or the reverse).
Result<AwsSettings> resolveAwsSettings(const AwsSettingsRequest& request);

} // namespace bge::omics
