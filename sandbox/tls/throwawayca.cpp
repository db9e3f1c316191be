#include "throwawayca.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QRegularExpression>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

struct KeyFree { void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); } };
struct CertFree { void operator()(X509* c) const { X509_free(c); } };
struct BioFree { void operator()(BIO* b) const { BIO_free(b); } };
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;

constexpr long kValiditySeconds = 30L * 24 * 3600;

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool setCommonName(X509_NAME* name, const QByteArray& commonName)
{
    return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>("BGE Desktop sandbox"), -1, -1, 0) == 1 &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(commonName.constData()), -1, -1, 0) == 1;
}

// A certificate for `key` named `commonName`, issued by `issuer` (itself when null) and signed
// with `issuerKey`; `extensions` are (nid, value) pairs in OpenSSL's configuration syntax.
Cert makeCertificate(EVP_PKEY* key, const QByteArray& commonName, X509* issuer, EVP_PKEY* issuerKey,
                     std::initializer_list<std::pair<int, const char*>> extensions)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return {};
    // Random serials: a browser that saw an earlier run's certificate must not take this one for it.
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return {};
    serial[0] &= 0x7f;
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get()));
    BN_free(number);
    if (!serialSet)
        return {};
    // An hour back, so that a client whose clock is a little behind accepts it too.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds);
    if (X509_set_pubkey(cert.get(), key) != 1 || !setCommonName(X509_get_subject_name(cert.get()), commonName))
        return {};
    X509* issuerCert = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert)) != 1)
        return {};
    for (const auto& [nid, value] : extensions) {
        if (!addExtension(cert.get(), issuerCert, nid, value))
            return {};
    }
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) <= 0)
        return {};
    return cert;
}

bool writePem(const QString& path, X509* cert, EVP_PKEY* key)
{
    QFile::remove(path);
    std::unique_ptr<BIO, BioFree> bio(BIO_new_file(QFile::encodeName(path).constData(), "w"));
    if (!bio)
        return false;
    if (key) {
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    }
    return PEM_write_bio_X509(bio.get(), cert) == 1;
}

// The subjectAltName value: loopback always, then the machine's host name (clients that must
// not take the loopback shortcut, e.g. through a proxy, which Qt bypasses for 127.0.0.1 and
// localhost, reach the sandbox by that name), then `extraNames`. A name OpenSSL's configuration
// syntax could misread (a comma, a colon in a non-address) is left out rather than trusted.
QByteArray subjectAltNames(const QStringList& extraNames)
{
    QByteArray names = "IP:127.0.0.1,IP:::1,DNS:localhost";
    static const QRegularExpression hostName(u"^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9-]{1,63})*$"_s);
    QStringList seen{u"127.0.0.1"_s, u"::1"_s, u"localhost"_s};
    for (const QString& name : QStringList{QHostInfo::localHostName()} + extraNames) {
        const QString lower = name.toLower();
        if (lower.isEmpty() || seen.contains(lower))
            continue;
        seen.append(lower);
        if (QHostAddress address; address.setAddress(lower))
            names += ",IP:" + address.toString().toLatin1();
        else if (hostName.match(lower).hasMatch())
            names += ",DNS:" + lower.toLatin1();
    }
    return names;
}

} // namespace

std::optional<ThrowawayPki> createThrowawayPki(const QString& directory, const QStringList& extraNames,
                                               QString* error)
{
    if (!QDir().mkpath(directory)) {
        *error = u"cannot create the TLS folder \"%1\""_s.arg(directory);
        return std::nullopt;
    }
    Key caKey(EVP_EC_gen("P-256"));
    Key serverKey(EVP_EC_gen("P-256"));
    unsigned char tag[4];
    RAND_bytes(tag, sizeof tag);
    const QByteArray caName = "BGE sandbox throwaway CA " + QByteArray(reinterpret_cast<const char*>(tag), sizeof tag).toHex();
    Cert ca = caKey ? makeCertificate(caKey.get(), caName, nullptr, caKey.get(),
                                      {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                                       {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                       {NID_subject_key_identifier, "hash"}})
                    : Cert();
    const QByteArray altNames = subjectAltNames(extraNames);
    Cert server = (ca && serverKey)
                      ? makeCertificate(serverKey.get(), "127.0.0.1", ca.get(), caKey.get(),
                                        {{NID_basic_constraints, "critical,CA:FALSE"},
                                         {NID_key_usage, "critical,digitalSignature"},
                                         {NID_ext_key_usage, "serverAuth"},
                                         {NID_subject_alt_name, altNames.constData()},
                                         {NID_subject_key_identifier, "hash"},
                                         {NID_authority_key_identifier, "keyid:always"}})
                      : Cert();
    if (!server) {
        *error = u"cannot generate the throwaway TLS certificates (OpenSSL)"_s;
        return std::nullopt;
    }
    ThrowawayPki pki;
    const QDir dir(directory);
    pki.caFile = dir.absoluteFilePath(u"sandbox-ca.pem"_s);
    pki.certFile = dir.absoluteFilePath(u"server-cert.pem"_s);
    pki.keyFile = dir.absoluteFilePath(u"server-key.pem"_s);
    pki.caName = QString::fromLatin1(caName);
    if (!writePem(pki.caFile, ca.get(), nullptr) || !writePem(pki.certFile, server.get(), nullptr) ||
        !writePem(pki.keyFile, nullptr, serverKey.get())) {
        *error = u"cannot write the TLS certificates into \"%1\""_s.arg(directory);
        return std::nullopt;
    }
    return pki;
}

} // namespace bge::sandbox
