#pragma once

// What the suites that run `bge` against a sandbox of their own (over TLS, through a proxy)
// share: an environment with nothing of the user's in it, the upload journal as the engine
// keeps it, and an object read back and compared with its file.
#include "cli/clitestsupport.h"
#include "common/cliprocess.h"
#include "common/sandboxprocess.h"
#include "common/testfiles.h"

#include "oss/crc64.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace bge::test {

// bgeEnvironment (cliprocess.h) without the caller's CA settings either: a suite's sandbox CA
// is trusted only where it says so.
inline QProcessEnvironment sandboxCliEnvironment(const QString& root, const SandboxProcess& sandbox,
                                                 const QString& clientId)
{
    QProcessEnvironment env = bgeEnvironment(sandbox, root, clientId);
    for (const QString& name : env.keys()) {
        if (name.startsWith(u"SSL_CERT"_s) || name == u"AWS_CA_BUNDLE")
            env.remove(name);
    }
    return env;
}

inline QString crc64Of(const QString& path)
{
    oss::Crc64 crc;
    crc.update(readAll(path));
    return QString::number(crc.value());
}

// The finished parts in the journal of the one upload in progress under `dataHome`
// (XDG_DATA_HOME), or -1 when there is none.
inline int journaledUploadParts(const QString& dataHome)
{
    const QDir dir(dataHome + u"/BGE/BGE Desktop/uploads"_s);
    for (const QString& name : dir.entryList({u"upload-*.json"_s}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            return int(QJsonDocument::fromJson(f.readAll()).object().value(u"parts"_s).toArray().size());
    }
    return -1;
}

// Downloads `object` with `bge` (a run of it with these arguments) into `scratch` and compares
// it with `original`: the CRC-64 reported and verified, and every byte. A failure is the test's.
inline void verifyStored(const std::function<Run(const QStringList&)>& bge, const QString& object,
                         const QString& original, const QString& scratch)
{
    const QString back = QDir(scratch).filePath(u"back-"_s + QFileInfo(original).fileName());
    QFile::remove(back);
    const Run down = bge({u"download"_s, object, u"-o"_s, back, u"--json"_s});
    VERIFY_EXIT(down, 0);
    QCOMPARE(down.json().toObject().value(u"crc64"_s).toString(), crc64Of(original));
    QVERIFY(down.json().toObject().value(u"crc64_verified"_s).toBool());
    QVERIFY2(readAll(original) == readAll(back), "the object downloaded is not the file");
    QFile::remove(back);
}

} // namespace bge::test
