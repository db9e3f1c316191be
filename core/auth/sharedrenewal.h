#pragma once

#include "api/job.h"
#include "api/records/tokens.h"

#include <QPointer>
#include <QSet>

namespace bge {

class OAuthClient;
class ProfileLock;
class SessionStore;

// One refresh-token renewal coordinated with every other process of the user that holds the
// same profile (the desktop app, `bge` commands). Refresh tokens rotate and are single-use, so
// refreshing with an in-memory copy that another process has already used fails, and a process
// that then forgot the stored session would sign both out. Hence, under the profile's lock:
//  1. the keychain is read again: when another process rotated the token meanwhile, its access
//     token is used as it is if still fresh (it stores the access token too), else its refresh
//     token is the one refreshed;
//  2. the new grant is in the keychain before the lock is released;
//  3. a refusal reads the keychain again: a token stored since (by a process that does not
//     take the lock) is tried instead; the stored session is removed only when it is the very
//     token just refused.
// The result is the grant to use; it is already stored (storedGrant() says whether).
class SharedRenewal final : public Job<TokenGrant>
{
    Q_OBJECT
public:
    struct Input
    {
        OAuthClient* oauth = nullptr;
        SessionStore* store = nullptr;
        QString profile;
        QString lockPath;
        QString clientSecret;
        QString refreshToken;        // the one in memory
        QString rejectedAccessToken; // never taken back from the keychain
    };
    explicit SharedRenewal(Input input, QObject* parent = nullptr);
    ~SharedRenewal() override;

protected:
    void doStart() override;
    void doAbort() override;

private:
    void afterStoreWrites(std::function<void()> next);
    void readStored(std::function<void(const TokenGrant& stored, bool readable)> next);
    void decide(const TokenGrant& stored, bool readable);
    void refresh(const QString& refreshToken, bool keychainHeldIt);
    void onRefused(const ApiError& error, const QString& refused);
    void done(const Result<TokenGrant>& result);
    void stopCall();

    Input m_in;
    ProfileLock* m_lock;
    QPointer<JobBase> m_call;
    QSet<QString> m_tried;
    int m_reads = 0;
};

} // namespace bge
