#include "transportpolicy.h"

#include "api/apiconnection.h"

#include <QCoreApplication>
#include <QUrl>

namespace bge::net {

using namespace Qt::StringLiterals;

bool isSecureOrLocal(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == u"https" || (scheme == u"http" && isLoopbackHost(url.host()));
}

QString clearTextRefusal(const QUrl& url, const QString& what)
{
    if (isSecureOrLocal(url))
        return {};
    return QCoreApplication::translate("bge::net::TransportPolicy",
                                       "Refused %1 at %2://%3: credentials and file contents would cross the network "
                                       "unencrypted. Only https:// is used, or http:// to this computer; ask the "
                                       "platform's administrators to hand out an https:// address.")
        .arg(what, url.scheme(), url.host());
}

} // namespace bge::net
