#pragma once

// What the core suites share: the client-side stack of one app (network, connection, OAuth
// client, session, API), a way to wait for a job, and the sign-in through the sandbox's
// auto-approve parameter. Waiting processes events (QTest::qWaitFor): fine in tests, never in
// product code.
#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "auth/oauthclient.h"
#include "auth/pkce.h"
#include "auth/session.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTest>

#include <memory>
#include <optional>

namespace bge::test {

class SandboxProcess;

// Generous on purpose: CI is a slow, shared two-core machine. Nothing passes or fails on speed.
inline constexpr int kWaitMs = 60000;

// Runs `job` and processes events until it completes. A job that never completes yields a
// Timeout error whose detail says the test gave up (the job itself is aborted).
template <typename T> Result<T> await(Job<T>* job, int timeoutMs = kWaitMs)
{
    std::optional<Result<T>> outcome;
    QObject context;
    job->run(&context, [&outcome](const Result<T>& result) { outcome = result; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, timeoutMs)) {
        job->abort();
        return ApiError::timeout(QStringLiteral("the test gave up waiting for the job"));
    }
    return *outcome;
}

// "api 41001 参数错误 …": the kind and the whole error, for failure messages.
QString describe(const ApiError& error);

// Everything one client application holds: what the desktop app and the CLI build at start-up.
class ClientStack final
{
public:
    ClientStack(const QString& endpoint, const QString& clientId, const QString& clientSecret);
    ClientStack(const ClientStack&) = delete;
    ClientStack& operator=(const ClientStack&) = delete;

    QString clientSecret;
    QNetworkAccessManager network;
    ApiConnection connection;
    OAuthClient oauth;
    Session session;
    PlatformApi api;
};

// Where the sandbox sends the browser back to (nothing listens there: the redirect is read
// from the Location header, never followed).
QString testRedirectUri();

// The answer of GET /oauth2/authorize, read from its redirect.
struct AuthorizationRedirect
{
    int status = 0;
    QUrl location;
    QString code;
    QString state;
    QString error;
};

// GETs `authorizationUrl` with the sandbox's auto-approve parameter for `username` added, and
// reads the redirect without following it.
AuthorizationRedirect autoApprove(QNetworkAccessManager& network, QUrl authorizationUrl,
                                  const QString& approveParameter, const QString& username);

// The authorization-code flow of a native app, end to end: PKCE challenge and state in the
// authorization URL from OAuthClient, auto-approval, state checked, code exchanged with the
// verifier. The grant is not installed in the session.
Result<TokenGrant> signIn(ClientStack& stack, const SandboxProcess& sandbox, const QString& username,
                          const QStringList& scopes = {});

// A stack for `clientId` of `sandbox` with no grant yet.
std::unique_ptr<ClientStack> makeStack(const SandboxProcess& sandbox, const QString& clientId);

// GETs a URL (e.g. a presigned download) with a plain client. `status` gets the HTTP status.
QByteArray fetch(QNetworkAccessManager& network, const QUrl& url, int* status);

// What object storage answered, for checks on the sandbox side.
struct OssAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray code;     // the OSS error code of an error body
    QByteArray crc64;    // x-oss-hash-crc64ecma
    QByteArray clientId; // x-oss-meta-bge-open-client-id
};

// One object-storage request (HEAD, or GET: an object, ListParts) signed with fresh STS
// credentials from `stack`'s session, path-style V4, `query` as for signedOssRequest().
OssAnswer ossRequest(ClientStack& stack, const QByteArray& method, const QString& key,
                     const QList<QPair<QString, QString>>& query = {});

} // namespace bge::test

// Fails the test with the error's kind and text when `result` is not a success.
#define BGE_VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable(bge::test::describe((result).error())))

// Expects an API error (an envelope with this code), and says what came instead.
#define BGE_VERIFY_API_ERROR(result, expectedCode)                                                           \
    do {                                                                                                     \
        QVERIFY2(!(result).ok(), "expected an API error, got a success");                                    \
        QCOMPARE(bge::ApiError::kindName((result).error().kind()),                                           \
                 bge::ApiError::kindName(bge::ApiError::Kind::Api));                                         \
        QCOMPARE((result).error().apiCode(), (expectedCode));                                                \
    } while (false)

// Expects an error of this kind.
#define BGE_VERIFY_ERROR_KIND(result, expectedKind)                                                          \
    do {                                                                                                     \
        QVERIFY2(!(result).ok(), "expected an error, got a success");                                        \
        QCOMPARE(bge::ApiError::kindName((result).error().kind()), bge::ApiError::kindName(expectedKind));   \
    } while (false)
