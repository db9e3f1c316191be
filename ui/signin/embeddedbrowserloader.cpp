#include "embeddedbrowserloader.h"

#include "embeddedbrowser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPluginLoader>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcLoader, "bge.signin.loader", QtInfoMsg)

// The plugin's base name: QPluginLoader adds the platform's prefix and suffix.
constexpr auto kPluginName = "bge_signin_webengine";

} // namespace

QStringList EmbeddedBrowserLoader::searchPaths()
{
    const QString overridden = qEnvironmentVariable("BGE_PLUGIN_PATH");
    if (!overridden.isEmpty())
        return overridden.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList paths{appDir + u"/../lib/bge-desktop"_s,
                      appDir + u"/../"_s + QStringLiteral(BGE_INSTALL_LIBDIR) + u"/bge-desktop"_s, appDir,
                      appDir + u"/../PlugIns"_s};
    for (QString& path : paths)
        path = QDir::cleanPath(path);
    paths.removeDuplicates();
    return paths;
}

EmbeddedBrowserFactory* EmbeddedBrowserLoader::load(QString* problem)
{
    QStringList problems;
    for (const QString& dir : searchPaths()) {
        QPluginLoader loader(QDir(dir).absoluteFilePath(QString::fromLatin1(kPluginName)));
        // A loaded plugin stays loaded: QtWebEngine cannot be unloaded and set up again.
        loader.setLoadHints(QLibrary::PreventUnloadHint);
        QObject* instance = loader.instance();
        if (!instance) {
            // "Cannot load library …: No such file" for every folder but the right one is noise.
            if (QDir(dir).exists())
                problems += u"%1: %2"_s.arg(QDir(dir).absolutePath(), loader.errorString());
            continue;
        }
        if (auto* factory = qobject_cast<EmbeddedBrowserFactory*>(instance)) {
            qCDebug(lcLoader).noquote() << "embedded browser from" << loader.fileName();
            return factory;
        }
        problems += u"%1 is not the sign-in plugin this version expects"_s.arg(loader.fileName());
    }
    if (problems.isEmpty())
        problems +=
            u"%1 not found in %2"_s.arg(QString::fromLatin1(kPluginName), searchPaths().join(u", "_s));
    const QString why = problems.join(u"; "_s);
    qCWarning(lcLoader).noquote() << "no embedded sign-in page:" << why;
    if (problem)
        *problem = why;
    return nullptr;
}

} // namespace bge::ui
