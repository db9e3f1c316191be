#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace bge::ui {

// The AWS profiles of this computer (~/.aws/config and ~/.aws/credentials, or the files
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name), each with the region and endpoint the
// SDKs would use for it, or why it cannot be used.
struct AwsProfileEntry
{
    QString name;
    QString region;
    QString endpoint;
    QString problem;
};

QList<AwsProfileEntry>
listAwsProfiles(const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

} // namespace bge::ui
