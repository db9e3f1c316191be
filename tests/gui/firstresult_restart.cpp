// A later start, as a person meets it, in a process of its own (bench_first_result starts this
// program once per run): the profile's session is in the keychain and the platform (the
// sandbox) already runs. Measures the start to the sample table filled (its first page painted),
// then, on the Abundance tab, several metagenomics samples selected one after the other with a
// click: from the click to the taxon-abundance answer, and from that answer to the abundance
// chart drawn with the sample's taxa.
//
//   firstresult_restart SETTINGS_INI PROFILE SAMPLES_TO_SELECT
// prints: table_filled_ms=<since main()> table_filled_since_exec_ms=<since the process started>
//         click_to_answer_ms=<a,b,…> answer_to_chart_ms=<a,b,…> click_to_chart_ms=<a,b,…>
//         start_stall_ms=<the window's longest stall until filled> select_stall_ms=<a,b,…: each selection's>
// or, on stderr, what went wrong (exit code 1).
#include "common/stallmeter.h"
#include "firstresultsupport.h"

#include "abundance/abundanceview.h"
#include "abundance/taxonchart.h"
#include "api/records/user.h"
#include "auth/sessionstore.h"
#include "samples/sampletablemodel.h"
#include "shell/mainwindow.h"
#include "shell/startupcontroller.h"
#include "shell/startupreport.h"
#include "shell/workspace.h"
#include "signin/account.h"

#include <QAbstractItemView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTabWidget>
#include <QTest>

#include <optional>

using namespace bge;
using namespace bge::test;
using namespace bge::test::firstresult;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

// Calls `onPainted` once the events queued behind a paint of `widget` are handled (the picture
// is on screen and the window answers again) whenever `wanted()` held when the paint began.
class PaintWatch final : public QObject
{
public:
    PaintWatch(QWidget* widget, std::function<bool()> wanted, std::function<void()> onPainted)
        : m_wanted(std::move(wanted)), m_onPainted(std::move(onPainted))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_wanted())
            QTimer::singleShot(0, this, [this] { m_onPainted(); });
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_wanted;
    std::function<void()> m_onPainted;
};

// The rows of metagenomics samples whose results are in: the ones with a chart to draw.
QList<int> rowsWithAbundance(const QAbstractItemModel* model)
{
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QVariant omics = model->index(row, SampleTableModel::Omics).data();
        const QVariant available =
            model->index(row, SampleTableModel::DataAvailable).data(SampleTableModel::SortRole);
        if (omics.toString() == u"metagenomics"_s && available.toBool())
            rows.append(row);
    }
    return rows;
}

QString joined(const QList<double>& values)
{
    QStringList texts;
    for (double v : values)
        texts.append(QString::number(v, 'f', 1));
    return texts.join(u',');
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    prepareLikeTheApp();
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() != 4)
        return failRun("firstresult_restart",
                       u"usage: firstresult_restart SETTINGS_INI PROFILE SAMPLES_TO_SELECT"_s);
    const int toSelect = args.at(3).toInt();

    AppOnProfile desktop(args.at(1), args.at(2));
    StartupController& controller = desktop.controller;

    // The table is filled once a paint of it shows rows; the watch is set up as the workspace
    // opens (on signedIn), before the first page of samples can arrive.
    QPointer<QAbstractItemView> table;
    std::optional<double> filledMs;
    double filledSinceExecMs = -1;
    std::unique_ptr<PaintWatch> tableWatch;
    QObject::connect(&controller, &StartupController::signedIn, &app, [&] {
        table = controller.window()->findChild<QAbstractItemView*>(u"samplesView"_s);
        if (!table)
            return;
        tableWatch = std::make_unique<PaintWatch>(
            table->viewport(), [&] { return !filledMs && table->model()->rowCount() > 0; },
            [&] {
                if (filledMs)
                    return;
                filledMs = msSince(sinceMain);
                filledSinceExecMs = StartupReport::millisecondsSinceExec();
            });
    });
    StallMeter stalls;
    stalls.start();
    controller.start();
    if (!waitUntil([&] { return filledMs.has_value(); }, kRunTimeoutMs))
        return failRun("firstresult_restart",
                       table ? u"the sample table stayed empty"_s
                             : u"the stored session did not open the workspace (is it in the keychain?)"_s);
    tableWatch.reset();
    const double startStallMs = stalls.stop();

    // Selecting samples: the Abundance tab shows the taxa chart of the selected one.
    Workspace* workspace = controller.window()->workspace();
    workspace->tabs()->setCurrentWidget(workspace->abundanceView());
    auto* chart = controller.window()->findChild<TaxonChart*>();
    Account* account = controller.account();
    if (!chart || !account)
        return failRun("firstresult_restart", u"no abundance chart in the window"_s);
    QElapsedTimer sinceClick;
    std::optional<double> answerMs;
    std::optional<double> drawnMs;
    // A new selection empties the chart at once (the taxa page clears it until the answer is
    // in); a paint showing taxa after that, and after the answer, is the new sample's chart.
    bool emptiedSinceClick = false;
    QObject::connect(&account->network(), &QNetworkAccessManager::finished, &app, [&](QNetworkReply* reply) {
        if (!drawnMs && sinceClick.isValid() &&
            reply->url().path().endsWith(u"/microbiome/taxon_abundance"_s)) {
            answerMs = msSince(sinceClick); // the last page's answer before the chart is drawn
            emptiedSinceClick = emptiedSinceClick || chart->shown().isEmpty();
        }
    });
    PaintWatch chartWatch(
        chart->viewport(),
        [&] {
            if (!sinceClick.isValid() || drawnMs)
                return false;
            if (chart->shown().isEmpty()) {
                emptiedSinceClick = true;
                return false;
            }
            return emptiedSinceClick && answerMs.has_value();
        },
        [&] {
            if (!drawnMs)
                drawnMs = msSince(sinceClick);
        });

    QList<double> clickToAnswer, answerToChart, clickToChart, selectStalls;
    const QModelIndex current = table->currentIndex();
    QList<int> rows = rowsWithAbundance(table->model());
    rows.removeAll(current.isValid() ? current.row() : -1);
    if (rows.size() < toSelect)
        return failRun("firstresult_restart",
                       u"only %1 metagenomics samples with results on the first page"_s.arg(rows.size()));
    for (int i = 0; i < toSelect; ++i) {
        const QModelIndex index = table->model()->index(rows.at(i), 0);
        table->scrollTo(index);
        waitUntil([] { return false; }, 300); // whatever the last selection started has settled
        emptiedSinceClick = false;
        answerMs.reset();
        drawnMs.reset();
        sinceClick.start();
        stalls.start();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        if (!waitUntil([&] { return drawnMs.has_value(); }, kRunTimeoutMs))
            return failRun(
                "firstresult_restart",
                u"the chart of row %1 was not drawn (answer %2, chart %3 with %4 taxa)"_s.arg(rows.at(i))
                    .arg(answerMs ? u"arrived"_s : u"not seen"_s)
                    .arg(chart->isVisible() ? u"shown"_s : u"hidden"_s)
                    .arg(chart->shown().size()));
        selectStalls.append(stalls.stop());
        clickToAnswer.append(*answerMs);
        answerToChart.append(*drawnMs - *answerMs);
        clickToChart.append(*drawnMs);
        sinceClick.invalidate();
    }

    if (const QString problem = quitKeepingTheSession(controller); !problem.isEmpty())
        return failRun("firstresult_restart", problem);

    printResult(
        u"table_filled_ms=%1 table_filled_since_exec_ms=%2 click_to_answer_ms=%3 answer_to_chart_ms=%4 "
        "click_to_chart_ms=%5 start_stall_ms=%6 select_stall_ms=%7"_s.arg(*filledMs, 0, 'f', 1)
            .arg(filledSinceExecMs, 0, 'f', 0)
            .arg(joined(clickToAnswer), joined(answerToChart), joined(clickToChart))
            .arg(startStallMs, 0, 'f', 0)
            .arg(joined(selectStalls)));
    return 0;
}
