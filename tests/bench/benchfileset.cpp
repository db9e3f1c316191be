#include "benchfileset.h"

#include "benchdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

namespace bge::bench {

using namespace Qt::StringLiterals;

QList<FileSet> parseFileSets(const QString& spec)
{
    QList<FileSet> sets;
    for (const QString& item : spec.split(u',', Qt::SkipEmptyParts)) {
        FileSet set;
        set.tag = item.trimmed();
        const QStringList parts = set.tag.toLower().split(u'x');
        set.count = parts.size() == 2 ? parts[0].toInt() : 0;
        set.size = parts.size() == 2 ? parseBenchSize(parts[1]) : 0;
        if (set.count <= 0 || set.size <= 0)
            return {};
        sets.append(set);
    }
    return sets;
}

int benchRounds()
{
    return qEnvironmentVariableIsSet("BGE_BENCH_ROUNDS")
               ? std::max(1, qEnvironmentVariableIntValue("BGE_BENCH_ROUNDS"))
               : 2;
}

void writeFileSet(FileSet& set, const QString& workDir)
{
    set.dir = workDir + u"/set-"_s + set.tag;
    set.files.clear();
    set.names.clear();
    set.crcs.clear();
    QDir(set.dir).removeRecursively();
    QVERIFY(QDir().mkpath(set.dir));
    for (int i = 0; i < set.count; ++i) {
        const QString name = u"sf-%1-%2.bin"_s.arg(set.tag).arg(i, 5, 10, QLatin1Char('0'));
        const QString path = set.dir + u'/' + name;
        const std::optional<quint64> crc =
            writeBenchFile(path, set.size, quint64(i) * 7919 + quint64(set.size), false);
        QVERIFY2(crc, qPrintable(path));
        set.files.append(path);
        set.names.append(name);
        set.crcs.append(*crc);
    }
    syncFileSystem();
}

void verifyAndDeleteObjects(BenchSandbox& sandbox, const FileSet& set)
{
    for (int i = 0; i < set.count; ++i) {
        const QString wrong = sandbox.checkObject(sandbox.keyFor(set.names[i]), set.size, set.crcs[i]);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
    for (const QString& name : set.names)
        QVERIFY(sandbox.deleteObject(sandbox.keyFor(name)));
}

QString AliossObjectsScript::locate()
{
    m_work = qEnvironmentVariable("BGE_BENCH_WORK_DIR");
    m_nodeModules = qEnvironmentVariable("BGE_BENCH_NODE_DIR");
    m_script = qEnvironmentVariable("BGE_BENCH_ALIOSS_OBJECTS_SCRIPT");
    if (m_work.isEmpty() || m_nodeModules.isEmpty() || !QFile::exists(m_script))
        return u"run through run_transfer_bench.sh"_s;
    m_node = QStandardPaths::findExecutable(u"node"_s);
    return m_node.isEmpty() ? u"node is needed"_s : QString();
}

ClientRun AliossObjectsScript::run(BenchSandbox& sandbox, const QString& client, const FileSet& set,
                                   const QString& op, int parallel, const QString& downloadDir) const
{
    QJsonObject config = sandbox.aliossConfig();
    config.insert(u"op"_s, op);
    config.insert(u"parallel"_s, parallel);
    QJsonArray objects;
    for (int i = 0; i < set.count; ++i) {
        const QString file = op == u"put"_s ? set.files[i] : downloadDir + u'/' + set.names[i];
        objects.append(QJsonObject{{u"key"_s, sandbox.keyFor(set.names[i])}, {u"file"_s, file}});
    }
    config.insert(u"objects"_s, objects);
    const QString configFile = m_work + u"/alioss-config.json"_s;
    if (!writePrivateFile(configFile, QJsonDocument(config).toJson(QJsonDocument::Compact)))
        return {};
    ClientRun r =
        measureClient(client, set.count, set.bytes(), m_node, {m_script, m_nodeModules, configFile},
                      QProcessEnvironment::systemEnvironment(), m_work + u"/run-alioss"_s, sandbox.pid());
    QFile::remove(configFile);
    takeReportedSeconds(r);
    return r;
}

} // namespace bge::bench
