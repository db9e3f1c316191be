#include "awssettings.h"

#include "awsconfigfile.h"
#include "omicsjson.h"

#include <QDir>
#include <QJsonValue>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {

bool isTrue(const QString& value)
{
    return value.trimmed().compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

QString expandHome(const QString& path, const QProcessEnvironment& environment)
{
    if (path == u"~" || path.startsWith(u"~/"_s))
        return awsHomeDirectory(environment) + path.mid(1);
    return path;
}

// Static keys from one set of key/values; nullopt when neither key is there.
Result<std::optional<aws::AwsCredentials>> staticKeys(const QString& id, const QString& secret,
                                                      const QString& token, const QString& where)
{
    if (id.isEmpty() && secret.isEmpty())
        return std::optional<aws::AwsCredentials>();
    if (id.isEmpty() || secret.isEmpty())
        return ApiError::usage(u"%1 has %2 but not %3"_s.arg(
            where, id.isEmpty() ? u"a secret access key"_s : u"an access key ID"_s,
            id.isEmpty() ? u"the access key ID"_s : u"the secret access key"_s));
    aws::AwsCredentials c;
    c.accessKeyId = id;
    c.secretAccessKey = secret;
    c.sessionToken = token;
    return std::optional<aws::AwsCredentials>(c);
}

} // namespace

QString awsHomeDirectory(const QProcessEnvironment& environment)
{
    QString home = environment.value(u"HOME"_s);
    if (home.isEmpty())
        home = environment.value(u"USERPROFILE"_s);
    if (home.isEmpty() && environment.contains(u"HOMEDRIVE"_s))
        home = environment.value(u"HOMEDRIVE"_s) + environment.value(u"HOMEPATH"_s);
    if (home.isEmpty())
        home = QDir::homePath();
    return home;
}

Result<AwsSettings> resolveAwsSettings(const AwsSettingsRequest& request)
{
    const QProcessEnvironment& env = request.environment;
    AwsSettings s;
    const QString awsHome = awsHomeDirectory(env) + u"/.aws/"_s;
    s.configPath = env.contains(u"AWS_CONFIG_FILE"_s) ? expandHome(env.value(u"AWS_CONFIG_FILE"_s), env)
                                                      : awsHome + u"config"_s;
    s.credentialsPath = env.contains(u"AWS_SHARED_CREDENTIALS_FILE"_s)
                            ? expandHome(env.value(u"AWS_SHARED_CREDENTIALS_FILE"_s), env)
                            : awsHome + u"credentials"_s;
    const AwsConfigFile configFile = AwsConfigFile::load(s.configPath);
    const AwsConfigFile credentialsFile = AwsConfigFile::load(s.credentialsPath);
    const AwsSharedConfig shared(configFile, credentialsFile);

    const bool explicitProfile = !request.profile.isEmpty();
    s.profile = explicitProfile ? request.profile : env.value(u"AWS_PROFILE"_s);
    const bool namedProfile = !s.profile.isEmpty();
    if (!namedProfile)
        s.profile = u"default"_s;
    if (namedProfile && !shared.hasProfile(s.profile))
        return ApiError::usage(u"the AWS profile “%1” is in neither %2 nor %3"_s.arg(s.profile, s.configPath,
                                                                                     s.credentialsPath));
    const AwsConfigFile::Section profile = shared.profile(s.profile);

    // Region: explicit, AWS_REGION (JS SDK), AWS_DEFAULT_REGION (botocore), the profile.
    if (!request.region.isEmpty()) {
        s.region = request.region;
        s.regionSource = u"--region"_s;
    } else {
        for (const QString& name : {u"AWS_REGION"_s, u"AWS_DEFAULT_REGION"_s}) {
            if (!env.value(name).isEmpty()) {
                s.region = env.value(name);
                s.regionSource = name;
                break;
            }
        }
        if (s.region.isEmpty() && !profile.value(u"region"_s).isEmpty()) {
            s.region = profile.value(u"region"_s);
            s.regionSource = u"profile "_s + s.profile;
        }
    }

    // Endpoint: explicit always; the configured ones unless told to ignore them.
    if (!request.endpoint.isEmpty()) {
        s.endpoint = QUrl(request.endpoint, QUrl::StrictMode);
        s.endpointSource = u"--omics-endpoint"_s;
    } else if (!isTrue(env.value(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s)) &&
               !isTrue(profile.value(u"ignore_configured_endpoint_urls"_s))) {
        const QString servicesName = profile.value(u"services"_s);
        const QList<std::pair<QString, QString>> candidates = {
            {env.value(u"AWS_ENDPOINT_URL_OMICS"_s), u"AWS_ENDPOINT_URL_OMICS"_s},
            {env.value(u"AWS_ENDPOINT_URL"_s), u"AWS_ENDPOINT_URL"_s},
            {servicesName.isEmpty() ? QString()
                                    : shared.services(servicesName).value(u"omics.endpoint_url"_s),
             u"services "_s + servicesName},
            {profile.value(u"endpoint_url"_s), u"profile "_s + s.profile},
        };
        for (const auto& [value, source] : candidates) {
            if (!value.trimmed().isEmpty()) {
                s.endpoint = QUrl(value.trimmed(), QUrl::StrictMode);
                s.endpointSource = source;
                break;
            }
        }
    }

    // Credentials: the environment (unless a profile was named explicitly), then the profile:
    // the credentials file, credential_process, the config file (botocore's order).
    if (!explicitProfile) {
        QString token = env.value(u"AWS_SESSION_TOKEN"_s);
        if (token.isEmpty())
            token = env.value(u"AWS_SECURITY_TOKEN"_s);
        auto keys = staticKeys(env.value(u"AWS_ACCESS_KEY_ID"_s), env.value(u"AWS_SECRET_ACCESS_KEY"_s),
                               token, u"the environment"_s);
        if (!keys)
            return keys.error();
        if (keys.value()) {
            s.credentials = *keys.value();
            const QString expiration = env.value(u"AWS_CREDENTIAL_EXPIRATION"_s);
            if (!expiration.isEmpty())
                s.credentials.expiration = parseTimestamp(QJsonValue(expiration));
            s.credentialSource = AwsSettings::CredentialSource::Environment;
            return s;
        }
    }
    const auto fromSection = [&](const AwsConfigFile::Section& section, const QString& where) {
        QString token = section.value(u"aws_session_token"_s);
        if (token.isEmpty())
            token = section.value(u"aws_security_token"_s);
        return staticKeys(section.value(u"aws_access_key_id"_s), section.value(u"aws_secret_access_key"_s),
                          token, where);
    };
    auto fileKeys = fromSection(credentialsFile.section(s.profile), s.credentialsPath);
    if (!fileKeys)
        return fileKeys.error();
    if (fileKeys.value()) {
        s.credentials = *fileKeys.value();
        s.credentialSource = AwsSettings::CredentialSource::SharedFile;
        return s;
    }
    if (!profile.value(u"credential_process"_s).trimmed().isEmpty()) {
        s.credentialProcess = profile.value(u"credential_process"_s).trimmed();
        s.credentialSource = AwsSettings::CredentialSource::Process;
        return s;
    }
    const AwsConfigFile::Section configSection = configFile.section(
        s.profile == u"default" && !configFile.hasSection(u"profile default"_s) ? u"default"_s
                                                                                : u"profile "_s + s.profile);
    auto configKeys = fromSection(configSection, s.configPath);
    if (!configKeys)
        return configKeys.error();
    if (configKeys.value()) {
        s.credentials = *configKeys.value();
        s.credentialSource = AwsSettings::CredentialSource::SharedFile;
    }
    return s;
}

Result<OmicsEndpoint> AwsSettings::resolveEndpoint() const
{
    if (!endpoint.isEmpty())
        return OmicsEndpoint::overridden(endpoint);
    if (region.isEmpty())
        return ApiError::usage(
            u"no AWS region: set AWS_REGION, pass --region, or add region = … to the profile in ~/.aws/config"_s);
    return OmicsEndpoint::forRegion(region);
}

} // namespace bge::omics
