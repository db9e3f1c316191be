#include "awsprofilelist.h"

#include "omics/awsconfigfile.h"
#include "omics/awssettings.h"

#include <QSet>

namespace bge::ui {

using namespace Qt::StringLiterals;

QList<AwsProfileEntry> listAwsProfiles(const QProcessEnvironment& environment)
{
    omics::AwsSettingsRequest where;
    // Resolving the default profile tells where the files are, the same way for every profile.
    QProcessEnvironment withoutProfile = environment;
    withoutProfile.remove(u"AWS_PROFILE"_s);
    where.environment = withoutProfile;
    const Result<omics::AwsSettings> paths = omics::resolveAwsSettings(where);
    if (!paths)
        return {};
    QStringList names;
    QSet<QString> seen;
    const auto add = [&](const QString& name) {
        if (!name.isEmpty() && !seen.contains(name)) {
            seen.insert(name);
            names.append(name);
        }
    };
    for (const QString& section : omics::AwsConfigFile::load(paths.value().configPath).sectionNames()) {
        if (section == u"default")
            add(section);
        else if (section.startsWith(u"profile "_s))
            add(section.mid(8).trimmed());
    }
    for (const QString& section : omics::AwsConfigFile::load(paths.value().credentialsPath).sectionNames())
        add(section);

    QList<AwsProfileEntry> profiles;
    for (const QString& name : names) {
        omics::AwsSettingsRequest request;
        request.environment = environment;
        request.profile = name;
        const Result<omics::AwsSettings> resolved = omics::resolveAwsSettings(request);
        AwsProfileEntry entry{name, {}, {}, {}};
        if (resolved) {
            entry.region = resolved.value().region;
            entry.endpoint = resolved.value().endpoint.toString();
        } else {
            entry.problem = resolved.error().message();
        }
        profiles.append(entry);
    }
    return profiles;
}

} // namespace bge::ui
