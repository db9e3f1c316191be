#pragma once

#include <QMap>
#include <QString>

namespace bge::omics {

// One of the AWS shared files (~/.aws/config, ~/.aws/credentials) as botocore's
// raw_config_parse reads them: `[section]` headers; `key = value` (keys lower-cased, values
// trimmed); whole-line comments starting with '#' or ';'; a key with an empty value followed
// by indented `sub = value` lines is a nested section (`omics =` / `  endpoint_url = …`), kept
// as the key "omics.endpoint_url". Inline comments are not stripped (botocore keeps them too:
// a secret may contain '#').
class AwsConfigFile final
{
public:
    using Section = QMap<QString, QString>;

    static AwsConfigFile parse(QByteArrayView text);
    // A missing or unreadable file is an empty one, as for the SDKs.
    static AwsConfigFile load(const QString& path);

    bool hasSection(const QString& name) const { return m_sections.contains(name); }
    Section section(const QString& name) const { return m_sections.value(name); }
    QStringList sectionNames() const { return m_sections.keys(); }

private:
    QMap<QString, Section> m_sections;
};

// Both files together, addressed by profile name.
class AwsSharedConfig final
{
public:
    AwsSharedConfig() = default;
    AwsSharedConfig(AwsConfigFile config, AwsConfigFile credentials)
        : m_config(std::move(config)), m_credentials(std::move(credentials))
    {
    }

    // The profile's keys: `[profile NAME]` (or `[default]`) of the config file, overlaid by
    // `[NAME]` of the credentials file, which wins for a key in both (botocore does the same).
    AwsConfigFile::Section profile(const QString& name) const;
    bool hasProfile(const QString& name) const;
    // `[services NAME]` of the config file.
    AwsConfigFile::Section services(const QString& name) const;

private:
    AwsConfigFile m_config;
    AwsConfigFile m_credentials;
};

} // namespace bge::omics
