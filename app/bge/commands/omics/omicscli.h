#pragma once

#include "command.h"

#include "omics/omicsjson.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bge::omics {
class OmicsApi;
class OmicsConnection;
}

namespace bge::cli {

// What every `bge omics` command shares: where the service is and whose keys sign
// (--aws-profile, --region, --omics-endpoint, --omics-account), resolved the way the AWS SDKs
// do, and the API over one connection for the run.
namespace omicscli {

// Translations of this namespace's helpers: lupdate and the runtime agree on the context only
// through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::omicscli)
};

QList<OptionReader::Spec> commonOptions();
// The common options plus the command's own.
QList<OptionReader::Spec> withCommonOptions(QList<OptionReader::Spec> own);
// The help text of the common options, appended to every omics command's usage.
QString commonOptionsHelp();

// The API for this run; null after the reason was reported through ctx (usage or
// authentication), so the caller just returns.
omics::OmicsApi* open(CliContext& ctx, const OptionReader& args);

// Fetches one page, or with `all` every page from `start` on, and hands over the items
// collected and the token of the page after them (empty at the end).
template <typename T>
void collectPages(CliContext& ctx, std::function<Job<omics::OmicsPage<T>>*(const QString&)> fetch,
                  const QString& start, bool all, std::function<void(const omics::OmicsPage<T>&)> done)
{
    struct State
    {
        omics::OmicsPage<T> collected;
        QSet<QString> seen;
        std::function<void(const QString&)> step;
    };
    auto state = std::make_shared<State>();
    state->step = [&ctx, fetch, all, done, weak = std::weak_ptr<State>(state)](const QString& token) {
        auto s = weak.lock();
        if (!s)
            return;
        call<omics::OmicsPage<T>>(ctx, fetch(token), [&ctx, all, done, s](const omics::OmicsPage<T>& page) {
            s->collected.items += page.items;
            s->collected.nextToken = page.nextToken;
            if (all && !page.nextToken.isEmpty()) {
                // A service that hands back a token it already gave would loop forever.
                if (s->seen.contains(page.nextToken))
                    return ctx.fail(ApiError::malformed(Text::tr("HealthOmics returned the same page token twice")));
                s->seen.insert(page.nextToken);
                return s->step(page.nextToken);
            }
            auto keepAlive = s; // done() may end the run; the state must outlive this call
            done(keepAlive->collected);
            keepAlive->step = nullptr;
        });
    };
    state->step(start);
}

// {"<key>": [raw…], "nextToken": "…"}: the service's own list shape, for --json.
template <typename T>
QJsonObject pageJson(const omics::OmicsPage<T>& page, const QString& key)
{
    QJsonArray items;
    for (const T& item : page.items)
        items.append(item.raw);
    QJsonObject o{{key, items}};
    if (!page.nextToken.isEmpty())
        o.insert(QStringLiteral("nextToken"), page.nextToken);
    return o;
}

// "--max-results N" (1–100) and "--next-token T".
bool readListOptions(const OptionReader& args, std::optional<int>* maxResults, QString* nextToken, QString* problem);
// ISO 8601 date or date-time ("2024-01-02", "2024-01-02T03:04:05Z"); a date alone is midnight UTC.
bool readTime(const OptionReader& args, const QString& option, QDateTime* out, QString* problem);
// One of `allowed` (case-insensitive on input, upper case out); empty when not given.
bool readEnum(const OptionReader& args, const QString& option, const QStringList& allowed, QString* out,
              QString* problem);

// "Key: value" lines with the keys aligned; fields without a value left out.
QString renderSetFields(QList<std::pair<QString, QString>> fields);
// "2024-01-02 03:04" in UTC, for tables.
QString shortTime(const QDateTime& time);
// Footer for list tables on stderr: `shown` ("12 read sets shown"), then how to see more.
void printListFooter(const QString& shown, const QString& nextToken);

} // namespace omicscli
} // namespace bge::cli
