#include "cabundle.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSslCertificateExtension>
#include <QSslConfiguration>

namespace bge::net {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcCaBundle, "bge.net.cabundle")

constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024; // the Mozilla bundle is ~200 KiB

bool isCa(const QSslCertificate& certificate)
{
    // Qt does not expose basicConstraints as such; its extension list does.
    for (const QSslCertificateExtension& extension : certificate.extensions()) {
        if (extension.oid() == u"2.5.29.19")
            return extension.value().toMap().value(u"ca"_s).toBool();
    }
    // An X.509 v1 root (no extensions) can only be a self-signed CA.
    return certificate.isSelfSigned();
}

} // namespace

Result<QList<QSslCertificate>> CaBundle::load(const QString& path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        return ApiError::usage(tr("The certificate authority file %1 is a folder. Pass a PEM file of CA certificates.")
                                   .arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::usage(tr("The certificate authority file %1 cannot be read (%2). Check the path and its permissions.")
                                   .arg(path, file.errorString()));
    if (file.size() > kMaxBundleBytes)
        return ApiError::usage(tr("The certificate authority file %1 is too large to be a certificate bundle.").arg(path));
    const QByteArray bytes = file.readAll();
    QList<QSslCertificate> cas = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (cas.isEmpty())
        cas = QSslCertificate::fromData(bytes, QSsl::Der);
    if (cas.isEmpty())
        return ApiError::usage(tr("The certificate authority file %1 holds no certificate. Pass a PEM file of CA certificates.")
                                   .arg(path));
    // Like AWS_CA_BUNDLE, a bundle is a list: a server certificate or an expired CA in it (common
    // in a system bundle with the company's CA appended) is skipped with a warning; the file is
    // refused only when nothing usable remains, with what was wrong with the first entry.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QSslCertificate> usable;
    ApiError firstProblem;
    for (const QSslCertificate& ca : std::as_const(cas)) {
        const QString name = ca.subjectDisplayName();
        ApiError problem;
        if (ca.isNull() || !isCa(ca))
            problem = ApiError::usage(tr("The file %1 holds a certificate that is not a certificate authority (%2). "
                                         "Pass the CA that issued the server's certificate, not the server's own.")
                                          .arg(path, name));
        else if (ca.expiryDate() < now)
            problem = ApiError::usage(tr("The certificate authority %1 in %2 expired on %3. Ask for its current certificate.")
                                          .arg(name, path, ca.expiryDate().toString(Qt::ISODate)));
        if (!problem) {
            usable.append(ca);
            continue;
        }
        qCWarning(lcCaBundle).noquote() << "skipped:" << problem.detail();
        if (!firstProblem)
            firstProblem = problem;
    }
    if (usable.isEmpty())
        return firstProblem;
    return usable;
}

void CaBundle::trust(const QList<QSslCertificate>& cas)
{
    if (cas.isEmpty())
        return;
    // The system's CAs written out with ours, not ours alone: setting a CA list ends Qt's
    // on-demand loading of the system store, which would otherwise leave only ours.
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> all = QSslConfiguration::systemCaCertificates();
    for (const QSslCertificate& ca : configuration.caCertificates() + cas) {
        if (!all.contains(ca))
            all.append(ca);
    }
    configuration.setCaCertificates(all);
    QSslConfiguration::setDefaultConfiguration(configuration);
}

Result<bool> CaBundle::loadAndTrust(const QString& path)
{
    if (path.isEmpty())
        return false;
    const Result<QList<QSslCertificate>> cas = load(path);
    if (!cas)
        return cas.error();
    trust(cas.value());
    return true;
}

} // namespace bge::net
