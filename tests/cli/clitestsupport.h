#pragma once

// What the suites of `bge` share: one run of the real executable (QProcess), a throw-away
// home for it, and the keychain as gnome-keyring holds it (secret-tool).
#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonValue>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

namespace bge::test {

using namespace Qt::StringLiterals;

inline const QString kService = u"BGE Desktop"_s;
// Generous: the CI machine is a slow, shared two-core box. Never a pass/fail criterion.
constexpr int kRunTimeoutMs = 180000;

// ---------------------------------------------------------------------------------------------
// One run of `bge`.

struct Run
{
    QStringList arguments;
    bool finished = false; // exited on its own: no crash, no time-out
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool exited(int code) const { return finished && exitCode == code; }
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    // The whole of stdout as one JSON value (object, array or scalar); undefined otherwise.
    QJsonValue json() const
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson('[' + out + ']', &error);
        if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
            return QJsonValue(QJsonValue::Undefined);
        return doc.array().first();
    }
    QByteArray describe() const
    {
        return "bge " + arguments.join(u' ').toUtf8() + " -> " +
               (finished ? "exit " + QByteArray::number(exitCode) : QByteArray("did not exit")) +
               "\n--- stdout ---\n" + out.left(3000) + "\n--- stderr ---\n" + err.left(3000);
    }
};

#define VERIFY_EXIT(run, code) QVERIFY2((run).exited(code), (run).describe().constData())

// ---------------------------------------------------------------------------------------------
// A throw-away home: HOME, the XDG folders and TMPDIR of the bge processes all live in it.

class UserHome final
{
public:
    UserHome()
    {
        for (const char* sub : {"home", "config", "data", "cache", "state", "tmp", "bin", "runtime"})
            QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
        QFile::setPermissions(path(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& sub = {}) const
    {
        return sub.isEmpty() ? m_dir.path() : m_dir.path() + u'/' + sub;
    }
    QString settingsFile() const { return path(u"config"_s) + u"/BGE/BGE Desktop.conf"_s; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            // Nothing of the caller's configuration, proxies, browser or language leaks in.
            if (name.startsWith(u"BGE_"_s) || name.endsWith(u"_proxy"_s, Qt::CaseInsensitive) ||
                name == u"BROWSER" || name.startsWith(u"LC_"_s) || name == u"LANGUAGE")
                env.remove(name);
        }
        env.insert(u"HOME"_s, path(u"home"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, path(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, path(u"data"_s));
        env.insert(u"XDG_CACHE_HOME"_s, path(u"cache"_s));
        env.insert(u"XDG_STATE_HOME"_s, path(u"state"_s));
        env.insert(u"TMPDIR"_s, path(u"tmp"_s));
        env.insert(u"LANG"_s, u"C.UTF-8"_s); // English messages, UTF-8 output
        return env;
    }

    // Every file under the home (hidden ones too), with its content.
    QList<std::pair<QString, QByteArray>> files() const
    {
        QList<std::pair<QString, QByteArray>> all;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            all.append({file, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>")});
        }
        return all;
    }

private:
    QTemporaryDir m_dir;
};


// Runs `program` to its end (or kRunTimeoutMs), `input` on its standard input; `childModifier`
// runs in the child between fork and exec (e.g. to set a resource limit).
Run runProgram(const QString& program, const QStringList& arguments, const QProcessEnvironment& env,
               const QByteArray& input = {}, std::function<void()> childModifier = {});

// ---------------------------------------------------------------------------------------------
// The keychain as gnome-keyring holds it, asked through secret-tool rather than QtKeychain.
// QtKeychain files an entry under the attributes server=<service>, user=<key>.
QByteArray secretTool(const QStringList& arguments, int* exitCode = nullptr);
std::optional<QString> keychainSecret(const QString& key);
int keychainItemCount();
void clearKeychain();

} // namespace bge::test
