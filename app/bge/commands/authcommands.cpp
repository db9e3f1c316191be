// login, logout, whoami.
#include "browseropener.h"
#include "command.h"

#include <QCoreApplication>
#include "commandregistry.h"
#include "output.h"
#include "tableprinter.h"

#include "auth/authorizationrequest.h"
#include "auth/loopbackredirectlistener.h"
#include "auth/sessionstore.h"
#include "profiles/profilestore.h"

#include <QTimer>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

void rememberProfile(CliContext& ctx, Profile::GrantMode mode)
{
    Profile p = ctx.profile();
    p.grantMode = mode;
    ctx.profiles().save(p);
    if (ctx.profiles().defaultName().isEmpty())
        ctx.profiles().setDefaultName(p.name);
}

class LoginCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::LoginCommand)

public:
    QString name() const override { return u"login"_s; }
    QString summary() const override { return tr("sign in (browser and loopback redirect, or client credentials)"); }
    QString usage() const override
    {
        return tr("Usage: bge login [--no-browser] [--scope SCOPE…] [--wait SECONDS]\n"
                  "       bge login --client-credentials\n\n"
                  "Signs in through the platform's authorization page in your browser; the answer comes back\n"
                  "to a listener on 127.0.0.1 (RFC 8252), protected by state and PKCE. The session and the\n"
                  "client secret are kept in the system keychain for later commands.\n"
                  "  --no-browser          print the address to open instead of starting a browser\n"
                  "  --scope SCOPE         ask for these scopes only (repeat or separate with commas)\n"
                  "  --wait SECONDS        how long to wait for the browser (default 300)\n"
                  "  --client-credentials  authenticate as the application itself (no user)\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"no-browser"_s, false}, {u"client-credentials"_s, false}, {u"scope"_s, true}, {u"wait"_s, true}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (!args.positional().isEmpty())
            return ctx.usageError(tr("login takes no arguments"), usage());
        if (ctx.profile().clientId.isEmpty())
            return ctx.usageError(tr("give the client application's id with --client-id (or BGE_CLIENT_ID)"));
        int waitSeconds = 300;
        if (args.isSet(u"wait"_s)) {
            bool ok = false;
            waitSeconds = args.value(u"wait"_s).toInt(&ok);
            if (!ok || waitSeconds < 1)
                return ctx.usageError(tr("--wait takes a number of seconds"));
        }
        QString problem;
        const QString explicitSecret = ctx.explicitClientSecret(&problem);
        if (!problem.isEmpty())
            return ctx.usageError(problem);
        const bool clientCredentials = args.isSet(u"client-credentials"_s);
        const QStringList scopes = args.list(u"scope"_s);
        ctx.sessionStore().load(ctx.profile().name, [&ctx, explicitSecret, clientCredentials, scopes, waitSeconds,
                                                     noBrowser = args.isSet(u"no-browser"_s)](const SessionStore::Secrets& stored) {
            const QString storedSecret = ctx.storedSecretsApply() ? stored.clientSecret : QString();
            const QString secret = explicitSecret.isEmpty() ? storedSecret : explicitSecret;
            if (secret.isEmpty())
                return ctx.usageError(tr("the client secret is needed once: set BGE_CLIENT_SECRET or use "
                                         "--client-secret-file FILE (it is then kept in the keychain)"));
            if (clientCredentials)
                return loginWithClientCredentials(ctx, secret);
            loginInBrowser(ctx, secret, scopes, waitSeconds, noBrowser);
        });
    }

private:
    static void loginWithClientCredentials(CliContext& ctx, const QString& secret)
    {
        call<TokenGrant>(ctx, ctx.oauth().clientCredentials(secret), [&ctx, secret](const TokenGrant& grant) {
            ctx.sessionStore().saveClientSecret(ctx.profile().name, secret);
            rememberProfile(ctx, Profile::GrantMode::ClientCredentials);
            if (ctx.json())
                printJson(QJsonObject{{u"client_id"_s, ctx.profile().clientId},
                                      {u"grant_type"_s, u"client_credentials"_s},
                                      {u"scope"_s, grant.scopes.join(u' ')},
                                      {u"expires_in"_s, double(grant.expiresIn)}});
            else
                printErr(tr("Authenticated as the application %1 (client credentials). Later commands fetch "
                            "their own tokens.\n").arg(ctx.profile().clientId));
            ctx.finish(ExitSuccess);
        });
    }

    static void loginInBrowser(CliContext& ctx, const QString& secret, const QStringList& scopes, int waitSeconds,
                               bool noBrowser)
    {
        auto* listener = new LoopbackRedirectListener(&ctx);
        if (!listener->listen())
            return ctx.fail(ApiError::transport(tr("cannot listen on 127.0.0.1: %1").arg(listener->errorString())));
        const AuthorizationRequest request(listener->redirectUri().toString(), scopes);
        listener->setExpectedState(request.state());
        const QUrl url = request.url(ctx.oauth());

        auto* timeout = new QTimer(&ctx);
        timeout->setSingleShot(true);
        QObject::connect(timeout, &QTimer::timeout, &ctx, [&ctx, listener] {
            listener->close();
            ctx.fail(ApiError::authentication(tr("no answer from the browser in time; run `bge login` again")));
        });
        timeout->start(waitSeconds * 1000);

        QObject::connect(listener, &LoopbackRedirectListener::responseReceived, &ctx,
                         [&ctx, listener, timeout, request, secret](const AuthorizationResponse& response) {
                             timeout->stop();
                             listener->close();
                             if (const ApiError refused = request.check(response))
                                 return ctx.fail(refused);
                             exchange(ctx, secret, request, response.code);
                         });

        const bool opened = !noBrowser && openInBrowser(url);
        if (opened)
            printErr(tr("Opening the sign-in page in your browser. If nothing opens, visit:\n"));
        else
            printErr(tr("Open this address in a browser on this computer to sign in:\n"));
        printErr(url.toString(QUrl::FullyEncoded) + u'\n');
        printErr(tr("Waiting for the browser (%1 s)…\n").arg(waitSeconds));
    }

    static void exchange(CliContext& ctx, const QString& secret, const AuthorizationRequest& request,
                         const QString& code)
    {
        call<TokenGrant>(ctx, request.exchange(ctx.oauth(), secret, code),
                         [&ctx, secret](const TokenGrant& grant) {
                             ctx.session().setClientSecret(secret);
                             ctx.session().setGrant(grant);
                             ctx.markAuthenticated();
                             ctx.sessionStore().saveClientSecret(ctx.profile().name, secret);
                             ctx.sessionStore().saveGrant(ctx.profile().name, grant);
                             rememberProfile(ctx, Profile::GrantMode::AuthorizationCode);
                             greet(ctx);
                         });
    }

    static void greet(CliContext& ctx)
    {
        ctx.api().user()->run(&ctx, [&ctx](const Result<User>& user) {
            QString who = ctx.profile().clientId;
            if (user) {
                ctx.profiles().setLastUsername(ctx.profile().name, user->username);
                who = user->nickname.isEmpty() ? user->username : u"%1 (%2)"_s.arg(user->nickname, user->username);
            }
            if (ctx.json())
                printJson(user ? QJsonValue(user->raw) : QJsonValue(QJsonValue::Null));
            else
                printErr(tr("Signed in as %1 on %2 (profile \"%3\").\n")
                             .arg(who, ctx.profile().endpoint.toString(), ctx.profile().name));
            ctx.finish(ExitSuccess);
        });
    }
};

class LogoutCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::LogoutCommand)

public:
    QString name() const override { return u"logout"_s; }
    QString summary() const override { return tr("sign out and forget the stored session and client secret"); }
    QString usage() const override
    {
        return tr("Usage: bge logout\n\nRemoves this profile's session and client secret from the keychain.\n");
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (!args.positional().isEmpty())
            return ctx.usageError(tr("logout takes no arguments"), usage());
        ctx.session().signOut();
        ctx.sessionStore().forget(ctx.profile().name);
        ctx.profiles().setLastUsername(ctx.profile().name, QString());
        printErr(tr("Signed out of profile \"%1\".\n").arg(ctx.profile().name));
        ctx.finish(ExitSuccess);
    }
};

class WhoamiCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::WhoamiCommand)

public:
    QString name() const override { return u"whoami"_s; }
    QString summary() const override { return tr("show the signed-in user and the token's details"); }
    QString usage() const override { return tr("Usage: bge whoami\n\nShows the user (for user sign-ins) and the access token's client, scopes and expiry.\n"); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (!args.positional().isEmpty())
            return ctx.usageError(tr("whoami takes no arguments"), usage());
        // Introspects the token the call itself carries, renewed first if need be.
        call<TokenInfo>(ctx, ctx.api().introspect(), [&ctx](const TokenInfo& info) {
            if (info.grantType == u"client_credentials" || info.username.isEmpty())
                return print(ctx, info, nullptr);
            call<User>(ctx, ctx.api().user(), [&ctx, info](const User& user) { print(ctx, info, &user); });
        });
    }

private:
    static void print(CliContext& ctx, const TokenInfo& info, const User* user)
    {
        if (ctx.json()) {
            printJson(QJsonObject{{u"user"_s, user ? QJsonValue(user->raw) : QJsonValue(QJsonValue::Null)},
                                  {u"token"_s, info.raw}});
            return ctx.finish(ExitSuccess);
        }
        QList<std::pair<QString, QString>> fields;
        if (user) {
            fields += {{tr("User"), user->username},       {tr("Name"), user->nickname},
                       {tr("User id"), user->userId},       {tr("Email"), user->email},
                       {tr("Phone"), user->phone}};
        }
        fields += {{tr("Profile"), ctx.profile().name},
                   {tr("Endpoint"), ctx.profile().endpoint.toString()},
                   {tr("Client"), info.clientId},
                   {tr("Grant"), info.grantType},
                   {tr("Scopes"), info.scopes.join(u' ')},
                   {tr("Token active"), info.active ? tr("yes") : tr("no")},
                   {tr("Expires"), info.expiresAt.isValid() ? info.expiresAt.toLocalTime().toString(Qt::ISODate) : QString()}};
        printOut(renderFields(fields));
        ctx.finish(ExitSuccess);
    }
};

} // namespace

void addAuthCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<LoginCommand>());
    commands.push_back(std::make_unique<LogoutCommand>());
    commands.push_back(std::make_unique<WhoamiCommand>());
}

} // namespace bge::cli
