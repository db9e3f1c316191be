#pragma once

#include "clicontext.h"
#include "optionreader.h"

#include "api/job.h"
#include "api/paging.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace bge::cli {

// One subcommand of `bge`. run() is asynchronous and ends with ctx.finish() or ctx.fail().
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one translated line for `bge help`
    virtual QString usage() const = 0;   // translated, ends with a newline
    virtual QList<OptionReader::Spec> options() const { return {}; }
    virtual void run(CliContext& ctx, const OptionReader& args) = 0;
    // A group ("omics") has subcommands, chosen by the argument after its name; its run() is
    // never called.
    virtual const std::vector<std::unique_ptr<Command>>* subcommands() const { return nullptr; }
};

// Walks from `command` into its groups: "omics read-sets STORE" → the read-sets command, its
// name consumed from `arguments`. Null, with a translated reason, when a group's subcommand
// is missing or unknown (then *group is the group that needed one).
Command* descend(Command* command, QStringList* arguments, Command** group, QString* problem);
// "Usage: …" of a group: its own text and the list of its subcommands.
QString groupUsage(const Command& group);

QString tr(const char* text);
QString tr(const char* text, const char* disambiguation, int n);

// Runs a job; on error reports it and finishes, on success hands the value over.
template <typename T>
void call(CliContext& ctx, Job<T>* job, std::function<void(const T&)> onSuccess)
{
    job->run(&ctx, [&ctx, onSuccess = std::move(onSuccess)](const Result<T>& result) {
        if (!result)
            return ctx.fail(result.error());
        onSuccess(result.value());
    });
}

// Fetches one page, or with `all` every page from `start` on, and hands over what was
// collected and where the next page would start.
template <typename T>
void collectPages(CliContext& ctx, std::function<Job<Page<T>>*(const PageToken&)> fetch, const PageToken& start,
                  bool all, std::function<void(const Page<T>&)> done)
{
    struct State
    {
        Page<T> collected;
        QList<PageToken> seen;
        std::function<void(const PageToken&)> step;
    };
    auto state = std::make_shared<State>();
    state->step = [&ctx, fetch, all, done, weak = std::weak_ptr<State>(state)](const PageToken& token) {
        auto s = weak.lock();
        if (!s)
            return;
        call<Page<T>>(ctx, fetch(token), [&ctx, all, done, s](const Page<T>& page) {
            s->collected.items += page.items;
            s->collected.total = page.total;
            s->collected.limit = page.limit;
            s->collected.next = page.next;
            if (all && page.next && !page.items.isEmpty()) {
                // A server that hands back a page token it already gave would loop forever.
                if (s->seen.contains(*page.next))
                    return ctx.fail(ApiError::malformed(tr("the platform returned the page \"%1\" twice")
                                                            .arg(page.next->toString())));
                s->seen.append(*page.next);
                return s->step(*page.next);
            }
            if (all)
                s->collected.next.reset();
            auto keepAlive = s; // done() may end the run; the state must outlive this call
            done(keepAlive->collected);
            keepAlive->step = nullptr;
        });
    };
    // The running job's handler holds the state; the step function only a weak reference.
    state->step(start);
}

// {"result": [raw…], "count": N, "next_page": …}, the shape of the platform's list calls.
template <typename T>
QJsonObject pageJson(const Page<T>& page)
{
    QJsonArray result;
    for (const T& item : page.items)
        result.append(item.raw);
    QJsonObject o{{QStringLiteral("result"), result}};
    o.insert(QStringLiteral("count"), page.total ? QJsonValue(double(*page.total)) : QJsonValue(double(page.items.size())));
    if (!page.next)
        o.insert(QStringLiteral("next_page"), QJsonValue(QJsonValue::Null));
    else if (page.next->number())
        o.insert(QStringLiteral("next_page"), double(*page.next->number()));
    else
        o.insert(QStringLiteral("next_page"), page.next->cursorText());
    return o;
}

// "8M", "64MiB", "1g", "5242880" → bytes (k, M and G are powers of 1024); -1 when unreadable.
qint64 parseByteSize(const QString& text);
// "key=value" arguments (improve-sample, model).
bool parseAssignments(const QStringList& arguments, QList<std::pair<QString, QString>>* out, QString* problem);
// --page and --limit shared by the list commands.
bool readPaging(const OptionReader& args, int maxLimit, PageToken* page, int* limit, QString* problem);
QString optional(const std::optional<double>& value, int precision = 6);
QString optional(const std::optional<qint64>& value);
QString yesNo(const std::optional<bool>& value);

} // namespace bge::cli
