#pragma once

// What the sample suites share: a signed-in client stack against a real sandbox, the truth
// asked of the API directly, and a way to page a model to its end.
#include "common/sandboxprocess.h"
#include "coretestsupport.h"
#include "samples/sampletablemodel.h"

#include <QCoreApplication>
#include <QTest>

namespace bge::test {

inline const QString kSampleUser = QStringLiteral("zhanglei3");

// A stack of the desktop's demo client signed in as `username` (with `scopes`, or all).
inline std::unique_ptr<ClientStack> signedInStack(const SandboxProcess& sandbox, const QString& endpoint,
                                                  const QString& username, const QStringList& scopes = {})
{
    const QString clientId = QStringLiteral("bge-desktop-demo");
    auto stack = std::make_unique<ClientStack>(
        endpoint, clientId, sandbox.clientById(clientId).value(u"client_secret").toString());
    const Result<TokenGrant> grant = signIn(*stack, sandbox, username, scopes);
    if (!grant.ok()) {
        qWarning("sign-in failed: %s", qPrintable(describe(grant.error())));
        return nullptr;
    }
    stack->session.setGrant(grant.value());
    return stack;
}

// Every sample matching `query`, asked of the API page by page: what the UI must show.
inline QList<Sample> allSamples(PlatformApi& api, const SampleQuery& query)
{
    QList<Sample> all;
    PageToken page;
    for (int guard = 0; guard < 1000; ++guard) {
        const Result<Page<Sample>> r = await(api.samples(query, page, 100));
        if (!r.ok()) {
            qWarning("samples failed: %s", qPrintable(describe(r.error())));
            return {};
        }
        all += r->items;
        if (!r->next)
            break;
        page = *r->next;
    }
    return all;
}

inline QStringList idsOf(const QList<Sample>& samples)
{
    QStringList ids;
    for (const Sample& s : samples)
        ids.append(s.biosampleId);
    return ids;
}

inline QStringList idsOf(const bge::ui::SampleTableModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.summaryAt(row).biosampleId);
    return ids;
}

// Waits for the page in flight, then asks for the next ones until there are none.
inline bool loadToTheEnd(bge::ui::SampleTableModel& model)
{
    for (int guard = 0; guard < 1000; ++guard) {
        if (!QTest::qWaitFor([&model] { return !model.isLoading(); }, kWaitMs) || model.hasError())
            return false;
        if (!model.canFetchMore({}))
            return true;
        model.fetchMore({});
    }
    return false;
}

} // namespace bge::test
