#include "awsconfigfile.h"

#include <QFile>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {

bool isIndented(QByteArrayView line)
{
    return !line.isEmpty() && (line.front() == ' ' || line.front() == '\t');
}

} // namespace

AwsConfigFile AwsConfigFile::parse(QByteArrayView text)
{
    AwsConfigFile file;
    QString section;
    bool inSection = false;
    QString nestedKey; // the key of a nested block being read ("omics"), empty otherwise
    QString lastKey;   // for continuation lines of a plain value
    for (QByteArrayView rawLine : text.toByteArray().split('\n')) {
        QByteArrayView line = rawLine;
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.front() == '#' || trimmed.front() == ';')
            continue;
        if (!isIndented(line) && trimmed.front() == '[') {
            const qsizetype close = trimmed.indexOf(']');
            if (close < 0) {
                inSection = false; // a broken header: ignore what follows until the next one
                continue;
            }
            section = QString::fromUtf8(trimmed.sliced(1, close - 1)).simplified();
            inSection = true;
            nestedKey.clear();
            lastKey.clear();
            file.m_sections[section];
            continue;
        }
        if (!inSection)
            continue;
        const qsizetype equals = trimmed.indexOf('=');
        if (isIndented(line) && (!nestedKey.isEmpty() || !lastKey.isEmpty())) {
            if (!nestedKey.isEmpty() && equals > 0) {
                const QString key = QString::fromUtf8(trimmed.first(equals).trimmed()).toLower();
                file.m_sections[section][nestedKey + u'.' + key] =
                    QString::fromUtf8(trimmed.sliced(equals + 1).trimmed());
            } else if (nestedKey.isEmpty()) {
                // Continuation of a multi-line value (configparser semantics).
                QString& value = file.m_sections[section][lastKey];
                value += u'\n' + QString::fromUtf8(trimmed);
            }
            continue;
        }
        if (equals <= 0)
            continue; // neither a key nor a header: ignored, as botocore's parser is lenient too
        const QString key = QString::fromUtf8(trimmed.first(equals).trimmed()).toLower();
        const QString value = QString::fromUtf8(trimmed.sliced(equals + 1).trimmed());
        file.m_sections[section][key] = value;
        nestedKey = value.isEmpty() ? key : QString();
        lastKey = key;
    }
    return file;
}

AwsConfigFile AwsConfigFile::load(const QString& path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    // These files are small; a huge one is not a config file.
    return parse(file.read(1 << 20));
}

AwsConfigFile::Section AwsSharedConfig::profile(const QString& name) const
{
    AwsConfigFile::Section merged = m_config.section(u"profile "_s + name);
    if (name == u"default" && !m_config.hasSection(u"profile default"_s))
        merged = m_config.section(u"default"_s);
    const AwsConfigFile::Section credentials = m_credentials.section(name);
    for (auto it = credentials.begin(); it != credentials.end(); ++it)
        merged.insert(it.key(), it.value());
    return merged;
}

bool AwsSharedConfig::hasProfile(const QString& name) const
{
    return m_config.hasSection(u"profile "_s + name) || m_credentials.hasSection(name) ||
           (name == u"default" && m_config.hasSection(u"default"_s));
}

AwsConfigFile::Section AwsSharedConfig::services(const QString& name) const
{
    return m_config.section(u"services "_s + name);
}

} // namespace bge::omics
