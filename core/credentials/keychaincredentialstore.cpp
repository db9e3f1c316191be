#include "keychaincredentialstore.h"

#include "completelater.h"
#include "credentialslog.h"
#include "keychainprobe.h"
#include "memorycredentialstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace bge {

namespace {

} // namespace

struct KeychainCredentialStore::Request
{
    Operation operation;
    QString key;
    QString secret; // write only; kept in case the write has to go to memory instead
    QPointer<QObject> context;
    Callback done;
    bool completed = false;
};

KeychainCredentialStore::KeychainCredentialStore(const QString& service, QObject* parent)
    : CredentialStore(parent), m_service(service)
{
}

void KeychainCredentialStore::read(const QString& key, QObject* context, Callback done)
{
    start(Operation::Read, key, {}, context, std::move(done));
}

void KeychainCredentialStore::write(const QString& key, const QString& secret, QObject* context,
                                    Callback done)
{
    start(Operation::Write, key, secret, context, std::move(done));
}

void KeychainCredentialStore::remove(const QString& key, QObject* context, Callback done)
{
    start(Operation::Remove, key, {}, context, std::move(done));
}

bool KeychainCredentialStore::isPersistent() const
{
    return m_memory == nullptr;
}

void KeychainCredentialStore::start(Operation operation, const QString& key, const QString& secret,
                                    QObject* context, Callback done)
{
    auto request = std::make_shared<Request>(Request{operation, key, secret, context, std::move(done)});
    if (m_memory) {
        runInMemory(request);
        return;
    }

    QKeychain::Job* job = createJob(*request);
    connect(job, &QKeychain::Job::finished, this,
            [this, request](QKeychain::Job* finished) { onJobFinished(request, finished); });
    // Weak: a finished request (and the secret it carries) is not kept for the timer's sake.
    QTimer::singleShot(m_timeout, this, [this, weak = std::weak_ptr<Request>(request)] {
        if (const auto pending = weak.lock())
            onTimeout(pending);
    });
    job->start();
}

QKeychain::Job* KeychainCredentialStore::createJob(const Request& request) const
{
    // No parent: libsecret calls back into a job it was given, so a job must never be deleted
    // before it has finished, not even with its store. It deletes itself after finished().
    QKeychain::Job* job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto* writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(request.secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setKey(request.key);
    job->setAutoDelete(true);
    // The "insecure fallback" is a plain-text settings file: never.
    job->setInsecureFallback(false);
    return job;
}

void KeychainCredentialStore::onJobFinished(const std::shared_ptr<Request>& request, QKeychain::Job* job)
{
    if (request->completed) {
        qCDebug(lcCredentials) << "late keychain answer ignored for" << request->key;
        return;
    }

    switch (job->error()) {
    case QKeychain::NoError:
        complete(request, {Status::Ok,
                           request->operation == Operation::Read
                               ? static_cast<QKeychain::ReadPasswordJob*>(job)->textData()
                               : QString(),
                           {}});
        return;
    case QKeychain::EntryNotFound:
        if (request->operation == Operation::Remove)
            complete(request, {Status::Ok, {}, {}});
        else if (request->operation == Operation::Read)
            complete(request, {Status::NotFound, {}, QCoreApplication::translate("bge::CredentialStore", "No saved secret was found.")});
        else
            fail(request, job->errorString());
        return;
    case QKeychain::NoBackendAvailable:
        becomeSessionOnly(job->errorString());
        runInMemory(request);
        return;
    default:
        break;
    }

    qCInfo(lcCredentials) << "keychain error" << job->error() << "for" << request->key << ":"
                          << job->errorString();
    if (m_memory) { // another request found out meanwhile
        runInMemory(request);
        return;
    }
    const QString detail = job->errorString();
    probeMissingKeychain(this, [this, request, detail](const std::optional<QString>& missing) {
        onProbed(request, detail, missing);
    });
}

void KeychainCredentialStore::onProbed(const std::shared_ptr<Request>& request, const QString& detail,
                                       const std::optional<QString>& missingReason)
{
    if (request->completed) // timed out meanwhile
        return;
    if (!missingReason) {
        fail(request, detail);
        return;
    }
    becomeSessionOnly(*missingReason);
    runInMemory(request);
}

void KeychainCredentialStore::onTimeout(const std::shared_ptr<Request>& request)
{
    if (request->completed)
        return;
    qCWarning(lcCredentials) << "the keychain did not answer in" << m_timeout.count() << "ms for"
                             << request->key;
    // The job stays alive (see createJob); its answer, if it ever comes, is ignored.
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(m_timeout).count();
    complete(request, {Status::Failed,
                       {},
                       QCoreApplication::translate("bge::CredentialStore", "The system keychain did not answer within %1 seconds.").arg(seconds)});
}

void KeychainCredentialStore::fail(const std::shared_ptr<Request>& request, const QString& detail)
{
    QString message;
    switch (request->operation) {
    case Operation::Read:
        message = QCoreApplication::translate("bge::CredentialStore", "The secret could not be read from the system keychain: %1");
        break;
    case Operation::Write:
        message = QCoreApplication::translate("bge::CredentialStore", "The secret could not be saved in the system keychain: %1");
        break;
    case Operation::Remove:
        message = QCoreApplication::translate("bge::CredentialStore", "The secret could not be removed from the system keychain: %1");
        break;
    }
    complete(request, {Status::Failed, {}, message.arg(detail)});
}

void KeychainCredentialStore::complete(const std::shared_ptr<Request>& request, Outcome outcome)
{
    request->completed = true;
    if (request->context)
        completeLater(request->context, std::move(request->done), std::move(outcome));
}

void KeychainCredentialStore::runInMemory(const std::shared_ptr<Request>& request)
{
    request->completed = true;
    if (!request->context)
        return;
    switch (request->operation) {
    case Operation::Read:
        m_memory->read(request->key, request->context, std::move(request->done));
        break;
    case Operation::Write:
        m_memory->write(request->key, request->secret, request->context, std::move(request->done));
        break;
    case Operation::Remove:
        m_memory->remove(request->key, request->context, std::move(request->done));
        break;
    }
}

void KeychainCredentialStore::becomeSessionOnly(const QString& reason)
{
    if (m_memory)
        return;
    qCWarning(lcCredentials) << "no system keychain, secrets are kept in memory for this run:" << reason;
    m_memory = new MemoryCredentialStore(MemoryCredentialStore::Mode::SessionFallback, this);
    Q_EMIT keychainUnavailable(
        QCoreApplication::translate("bge::CredentialStore", "No system keychain is available (%1); secrets are kept for this session "
                  "only and will be asked for again.")
            .arg(reason));
}

} // namespace bge
