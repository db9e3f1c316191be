#include "omicscli.h"

#include "output.h"
#include "tableprinter.h"

#include "credentials/credentialstore.h"
#include "omics/awscredentialsprovider.h"
#include "omics/awssettings.h"
#include "omics/omicsaccount.h"
#include "omics/omicsaccountconnection.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicsendpoint.h"
#include "net/cabundle.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimeZone>

namespace bge::cli::omicscli {

using namespace Qt::StringLiterals;
using bge::omics::OmicsApi;

namespace {

// Everything the run's HealthOmics calls need, owned by the CLI context.
class OmicsRun final : public QObject
{
public:
    explicit OmicsRun(QObject* parent) : QObject(parent), network(this) {}
    QNetworkAccessManager network;
    std::unique_ptr<omics::OmicsApi> api;
};

// An account set up with `bge omics add-account`: its id, region and endpoint from the
// settings, its secret from the keychain.
Result<omics::OmicsConnection*> connectionForAccount(const QString& name, const OptionReader& args,
                                                      CredentialStore* keychain, OmicsRun* run)
{
    QSettings settings;
    std::optional<omics::OmicsAccount> account = omics::OmicsAccount::load(settings, name);
    if (!account)
        return ApiError::usage(Text::tr("no HealthOmics account named \"%1\" (see `bge omics accounts`)").arg(name));
    if (args.isSet(u"region"_s))
        account->region = args.value(u"region"_s);
    if (args.isSet(u"omics-endpoint"_s))
        account->endpoint = args.value(u"omics-endpoint"_s);
    return omics::connectAccount(*account, keychain, &run->network, run);
}

} // namespace

QList<OptionReader::Spec> commonOptions()
{
    return {{u"aws-profile"_s, true}, {u"region"_s, true}, {u"omics-endpoint"_s, true}, {u"omics-account"_s, true}};
}

QList<OptionReader::Spec> withCommonOptions(QList<OptionReader::Spec> own)
{
    return own + commonOptions();
}

QString commonOptionsHelp()
{
    return Text::tr("\nWhere HealthOmics is and whose keys sign (as the AWS SDKs resolve them):\n"
              "  --aws-profile NAME       a profile of ~/.aws/credentials and ~/.aws/config (else AWS_PROFILE;\n"
              "                           keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY win without it)\n"
              "  --region REGION          e.g. us-east-1 (else AWS_REGION, AWS_DEFAULT_REGION, the profile)\n"
              "  --omics-endpoint URL     use this address as it is, without host prefixes (an emulator, a VPC\n"
              "                           endpoint; else AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL, the profile)\n"
              "  --omics-account NAME     an account added with `bge omics add-account` (its secret key is in\n"
              "                           the system keychain)\n");
}

// (OmicsApi unqualified: lupdate takes "omics::OmicsApi* open(" for a member of a class "omics".)
OmicsApi* open(CliContext& ctx, const OptionReader& args)
{
    // The AWS tools' own variable, as they read it: for HealthOmics behind an organisation's CA.
    const Result<bool> trusted =
        net::CaBundle::loadAndTrust(QProcessEnvironment::systemEnvironment().value(u"AWS_CA_BUNDLE"_s));
    if (!trusted) {
        ctx.usageError(u"AWS_CA_BUNDLE: "_s + trusted.error().detail());
        return nullptr;
    }
    auto* run = new OmicsRun(&ctx);
    Result<omics::OmicsConnection*> connection = ApiError::usage(QString());
    const QString account = args.value(u"omics-account"_s);
    if (!account.isEmpty()) {
        if (args.isSet(u"aws-profile"_s)) {
            ctx.usageError(Text::tr("--omics-account and --aws-profile exclude each other"));
            return nullptr;
        }
        connection = connectionForAccount(account, args, &ctx.credentials(), run);
    } else {
        omics::AwsSettingsRequest request;
        request.profile = args.value(u"aws-profile"_s);
        request.region = args.value(u"region"_s);
        request.endpoint = args.value(u"omics-endpoint"_s);
        Result<omics::AwsSettings> settings = omics::resolveAwsSettings(request);
        connection = settings ? omics::OmicsConnection::create(settings.value(), &run->network, run)
                              : Result<omics::OmicsConnection*>(settings.error());
    }
    if (!connection) {
        ctx.fail(connection.error());
        return nullptr;
    }
    connection.value()->setTransferTimeoutMs(ctx.options().timeoutSeconds * 1000);
    run->api = std::make_unique<omics::OmicsApi>(connection.value());
    return run->api.get();
}

bool readListOptions(const OptionReader& args, std::optional<int>* maxResults, QString* nextToken, QString* problem)
{
    if (args.isSet(u"max-results"_s)) {
        bool ok = false;
        const int n = args.value(u"max-results"_s).toInt(&ok);
        if (!ok || n < 1 || n > 100) {
            *problem = Text::tr("--max-results takes a number between 1 and 100");
            return false;
        }
        *maxResults = n;
    }
    *nextToken = args.value(u"next-token"_s);
    return true;
}

bool readTime(const OptionReader& args, const QString& option, QDateTime* out, QString* problem)
{
    if (!args.isSet(option))
        return true;
    const QString text = args.value(option).trimmed();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            time = QDateTime(day, QTime(0, 0), QTimeZone::utc());
    } else if (time.timeSpec() == Qt::LocalTime && !text.endsWith(u'Z')) {
        // No offset given: the person means UTC, as the service shows its times.
        time = QDateTime(time.date(), time.time(), QTimeZone::utc());
    }
    if (!time.isValid()) {
        *problem = Text::tr("--%1 takes a date or time such as 2024-01-31 or 2024-01-31T12:00:00Z").arg(option);
        return false;
    }
    *out = time.toUTC();
    return true;
}

bool readEnum(const OptionReader& args, const QString& option, const QStringList& allowed, QString* out,
              QString* problem)
{
    if (!args.isSet(option))
        return true;
    const QString value = args.value(option).trimmed().toUpper();
    if (!allowed.contains(value)) {
        *problem = Text::tr("--%1 takes one of %2").arg(option, allowed.join(u", "_s));
        return false;
    }
    *out = value;
    return true;
}

QString renderSetFields(QList<std::pair<QString, QString>> fields)
{
    fields.removeIf([](const auto& field) { return field.second.isEmpty(); });
    return renderFields(fields);
}

QString shortTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

void printListFooter(const QString& shown, const QString& nextToken)
{
    if (nextToken.isEmpty())
        return printErr(shown + u'\n');
    printErr(Text::tr("%1; more with --next-token %2 (or --all)").arg(shown, nextToken) + u'\n');
}

} // namespace bge::cli::omicscli
