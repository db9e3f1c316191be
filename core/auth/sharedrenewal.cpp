#include "sharedrenewal.h"

#include "oauthclient.h"
#include "profilelock.h"
#include "session.h"
#include "sessionstore.h"

#include <QLoggingCategory>

namespace bge {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSharedRenewal, "bge.session", QtInfoMsg)

namespace {

// Another process may rotate the stored token again between two of our reads (one that does
// not take the lock): a few rounds, never an endless chase.
constexpr int kMaxReads = 4;

bool isRefusal(const ApiError& error)
{
    return error.kind() == ApiError::Kind::Api || (error.kind() == ApiError::Kind::Http && !error.isRetryable());
}

} // namespace

SharedRenewal::SharedRenewal(Input input, QObject* parent)
    : Job<TokenGrant>(parent), m_in(std::move(input)), m_lock(new ProfileLock(m_in.lockPath, this))
{
}

SharedRenewal::~SharedRenewal()
{
    stopCall();
}

void SharedRenewal::stopCall()
{
    if (JobBase* call = m_call) {
        m_call = nullptr;
        call->disconnect(this);
        call->abort();
    }
}

void SharedRenewal::doStart()
{
    m_lock->acquire([this](bool) {
        // Our own process may still be writing a grant (a sign-in just now): the read below
        // must see it, or it would take the older stored one for another process's.
        afterStoreWrites([this] { readStored([this](const TokenGrant& s, bool ok) { decide(s, ok); }); });
    });
}

void SharedRenewal::doAbort()
{
    stopCall();
    m_lock->release();
}

void SharedRenewal::afterStoreWrites(std::function<void()> next)
{
    if (m_in.store->pendingWrites() == 0)
        return next();
    connect(m_in.store, &SessionStore::writesFinished, this, std::move(next), Qt::SingleShotConnection);
}

void SharedRenewal::readStored(std::function<void(const TokenGrant&, bool)> next)
{
    ++m_reads;
    m_in.store->load(m_in.profile, [self = QPointer(this), next = std::move(next)](const SessionStore::Secrets& s) {
        if (self && !self->isFinished())
            next(s.grant, s.problem.isEmpty());
    });
}

void SharedRenewal::decide(const TokenGrant& stored, bool readable)
{
    const bool rotatedElsewhere = readable && !stored.refreshToken.isEmpty() &&
                                  stored.refreshToken != m_in.refreshToken && !m_tried.contains(stored.refreshToken);
    if (!rotatedElsewhere) {
        if (m_tried.contains(m_in.refreshToken))
            return done(ApiError::authentication(u"the stored sign-in was refused"_s));
        // A keychain read fine but empty: the profile was signed out elsewhere. This process
        // may finish its work, but does not put the session back.
        const bool keychainHeldIt = !readable || stored.refreshToken == m_in.refreshToken;
        return refresh(m_in.refreshToken, keychainHeldIt);
    }
    if (Session::isFresh(stored) && stored.accessToken != m_in.rejectedAccessToken) {
        // Another process refreshed a moment ago and stored its access token as well: using
        // it costs no call and leaves its refresh token valid for everyone.
        qCInfo(lcSharedRenewal) << "another program renewed the sign-in; using its token";
        return done(stored);
    }
    qCInfo(lcSharedRenewal) << "another program renewed the sign-in; refreshing with its token";
    refresh(stored.refreshToken, true);
}

void SharedRenewal::refresh(const QString& refreshToken, bool keychainHeldIt)
{
    m_tried.insert(refreshToken);
    Job<TokenGrant>* call = m_in.oauth->refresh(m_in.clientSecret, refreshToken);
    m_call = call;
    call->run(this, [this, refreshToken, keychainHeldIt](const Result<TokenGrant>& result) {
        m_call = nullptr;
        if (isFinished())
            return;
        if (!result)
            return isRefusal(result.error()) ? onRefused(result.error(), refreshToken) : done(result);
        TokenGrant grant = result.value();
        // A platform that does not rotate keeps the token we used.
        if (grant.refreshToken.isEmpty())
            grant.refreshToken = refreshToken;
        if (!keychainHeldIt)
            return done(grant);
        // Stored before the lock goes: the next process to take it must find this token.
        m_in.store->saveGrant(m_in.profile, grant);
        afterStoreWrites([this, grant] { done(grant); });
    });
}

void SharedRenewal::onRefused(const ApiError& error, const QString& refused)
{
    if (m_reads >= kMaxReads)
        return done(error);
    readStored([this, error, refused](const TokenGrant& stored, bool readable) {
        if (!readable)
            return done(error);
        if (!stored.refreshToken.isEmpty() && !m_tried.contains(stored.refreshToken))
            return decide(stored, readable); // stored since: use it instead
        if (stored.refreshToken != refused)
            return done(error); // nothing or something already tried: not ours to remove
        qCInfo(lcSharedRenewal) << "the stored sign-in was refused; removing it from the keychain";
        m_in.store->forgetGrant(m_in.profile);
        afterStoreWrites([this, error] { done(error); });
    });
}

void SharedRenewal::done(const Result<TokenGrant>& result)
{
    if (isFinished())
        return;
    m_lock->release();
    if (result)
        succeed(result.value());
    else
        complete(result.error());
}

} // namespace bge
