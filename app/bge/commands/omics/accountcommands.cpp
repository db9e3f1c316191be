// bge omics accounts, bge omics add-account, bge omics remove-account: HealthOmics accounts
// whose secret access key a person typed in, kept in the system keychain and nowhere else.
#include "omicscommands.h"
#include "omicscli.h"
#include "output.h"
#include "secretprompt.h"
#include "tableprinter.h"

#include "credentials/credentialstore.h"
#include "omics/omicsaccount.h"
#include "omics/omicsendpoint.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace bge::cli {

using namespace Qt::StringLiterals;
using namespace bge::omics;

namespace {

class OmicsAccountsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsAccountsCommand)

public:
    QString name() const override { return u"accounts"_s; }
    QString summary() const override { return tr("list the HealthOmics accounts added with add-account"); }
    QString usage() const override { return tr("Usage: bge omics accounts\n"); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (!args.positional().isEmpty())
            return ctx.usageError(tr("unexpected argument \"%1\"").arg(args.positional().first()), usage());
        QSettings settings;
        const QList<OmicsAccount> accounts = OmicsAccount::loadAll(settings);
        if (ctx.json()) {
            QJsonArray list;
            for (const OmicsAccount& a : accounts)
                list.append(QJsonObject{{u"name"_s, a.name}, {u"region"_s, a.region}, {u"accessKeyId"_s, a.accessKeyId},
                                        {u"endpoint"_s, a.endpoint}, {u"profile"_s, a.profile}});
            printJson(list);
            return ctx.finish(ExitSuccess);
        }
        TablePrinter table({tr("NAME"), tr("REGION"), tr("ACCESS KEY ID"), tr("ENDPOINT / PROFILE")});
        for (const OmicsAccount& a : accounts)
            table.addRow({a.name, a.region, a.accessKeyId, a.profile.isEmpty() ? a.endpoint : tr("profile %1").arg(a.profile)});
        printOut(table.render());
        printErr(tr("%n account(s)", nullptr, int(accounts.size())) + u'\n');
        ctx.finish(ExitSuccess);
    }
};

class OmicsAddAccountCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsAddAccountCommand)

public:
    QString name() const override { return u"add-account"_s; }
    QString summary() const override { return tr("add a HealthOmics account; its secret key goes to the keychain"); }
    QString usage() const override
    {
        return tr("Usage: bge omics add-account NAME --access-key-id ID --region REGION [--omics-endpoint URL]\n"
                  "       bge omics add-account NAME --aws-profile PROFILE [--region REGION]\n\n"
                  "The secret access key is read from standard input (typed without echo on a terminal, or\n"
                  "piped in) and stored only in the system keychain. Use the account with --omics-account NAME.\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"access-key-id"_s, true}, {u"region"_s, true}, {u"omics-endpoint"_s, true}, {u"aws-profile"_s, true}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give the account a name"), usage());
        OmicsAccount account;
        account.name = args.positional().first();
        account.accessKeyId = args.value(u"access-key-id"_s).trimmed();
        account.region = args.value(u"region"_s).trimmed();
        account.endpoint = args.value(u"omics-endpoint"_s).trimmed();
        account.profile = args.value(u"aws-profile"_s).trimmed();
        if (!OmicsAccount::isValidName(account.name))
            return ctx.usageError(tr("an account name has 1 to 64 letters, digits, '.', '_' or '-'"), usage());
        if (account.profile.isEmpty() == account.accessKeyId.isEmpty())
            return ctx.usageError(tr("give --access-key-id (and type the secret key) or --aws-profile"), usage());
        if (account.profile.isEmpty() && !isValidRegion(account.region))
            return ctx.usageError(tr("--region takes an AWS region such as us-east-1"), usage());
        if (!account.endpoint.isEmpty()) {
            const Result<OmicsEndpoint> endpoint = OmicsEndpoint::overridden(QUrl(account.endpoint));
            if (!endpoint)
                return ctx.fail(endpoint.error());
        }
        if (!account.profile.isEmpty())
            return save(ctx, account);
        const QString secret = readSecretLine(tr("Secret access key for %1: ").arg(account.accessKeyId));
        if (secret.isEmpty())
            return ctx.usageError(tr("no secret access key was given on standard input"));
        ctx.credentials().write(OmicsAccount::secretKeyName(account.name), secret, &ctx,
                                [&ctx, account](const CredentialStore::Outcome& outcome) {
                                    if (outcome.status == CredentialStore::Status::Failed)
                                        return ctx.fail(ApiError::authentication(outcome.errorMessage));
                                    if (outcome.status == CredentialStore::Status::SessionOnly)
                                        return ctx.fail(ApiError::authentication(
                                            tr("no system keychain is available, and the secret key is never written "
                                               "to a file: use AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile "
                                               "of ~/.aws on this computer")));
                                    save(ctx, account);
                                });
    }

private:
    static void save(CliContext& ctx, const OmicsAccount& account)
    {
        QSettings settings;
        account.save(settings);
        settings.sync();
        if (ctx.json())
            printJson(QJsonObject{{u"name"_s, account.name}, {u"added"_s, true}});
        else
            printErr(tr("Account %1 added. Use it with: bge omics stores --omics-account %1").arg(account.name) + u'\n');
        ctx.finish(ExitSuccess);
    }
};

class OmicsRemoveAccountCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsRemoveAccountCommand)

public:
    QString name() const override { return u"remove-account"_s; }
    QString summary() const override { return tr("remove a HealthOmics account and its secret key from the keychain"); }
    QString usage() const override { return tr("Usage: bge omics remove-account NAME\n"); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give the name of the account"), usage());
        const QString name = args.positional().first();
        QSettings settings;
        if (!OmicsAccount::isValidName(name) || !OmicsAccount::load(settings, name))
            return ctx.usageError(tr("no HealthOmics account named \"%1\"").arg(name));
        ctx.credentials().remove(OmicsAccount::secretKeyName(name), &ctx,
                                 [&ctx, name](const CredentialStore::Outcome& outcome) {
                                     if (outcome.status == CredentialStore::Status::Failed)
                                         return ctx.fail(ApiError::authentication(outcome.errorMessage));
                                     QSettings s;
                                     OmicsAccount::remove(s, name);
                                     s.sync();
                                     if (!ctx.json())
                                         printErr(tr("Account %1 removed.").arg(name) + u'\n');
                                     else
                                         printJson(QJsonObject{{u"name"_s, name}, {u"removed"_s, true}});
                                     ctx.finish(ExitSuccess);
                                 });
    }
};

} // namespace

void addOmicsAccountCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsAccountsCommand>());
    commands.push_back(std::make_unique<OmicsAddAccountCommand>());
    commands.push_back(std::make_unique<OmicsRemoveAccountCommand>());
}

} // namespace bge::cli
