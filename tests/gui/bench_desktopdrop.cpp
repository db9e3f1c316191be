// Benchmark (label `bench`): many small files dropped on the desktop window (issue 16), against
// the official ali-oss client's `put` with 8 in flight, one after the other against the same
// bge-sandbox in one run. The main window, signed in and shown at 1280×800 in a private X server,
// gets a real QDropEvent of a folder; the time is from the drop to the queue's last file done.
// Printed for each: the time, files per second, CPU (this process for the desktop: the window,
// its queue and Qt's network thread; the script's whole process), the sandbox's CPU, the most
// files the queue had in flight, the longest the window's event loop stalled during the upload
// (target: the window keeps answering), and how many times faster the desktop is than the script.
// Sets: BGE_BENCH_SMALL_UPLOADS (default "1000x64K,200x4M"); BGE_BENCH_ROUNDS rounds (default 2),
// the order of the two clients reversed every other round; BGE_BENCH_OSS_LATENCY_MS: every
// object-storage request answered that late (a real service's round trip; default none). Every object is
// checked on the sandbox's side (HEAD: size and CRC-64) and deleted between clients: the benchmark fails only
// when one is wrong or a transfer fails, never on timing. Run it through
// `ctest -R bench_desktopdrop --verbose` (run_transfer_bench.sh installs ali-oss once).
#include "bench/benchfileset.h"
#include "bench/benchreport.h"
#include "bench/benchsandbox.h"
#include "bench/measuredrun.h"
#include "common/peakmemory.h"
#include "common/stallmeter.h"
#include "coretestsupport.h"
#include "shell/connectionmonitor.h"
#include "shell/mainwindow.h"
#include "transfers/transferspanel.h"

#include "api/records/user.h"
#include "profiles/profile.h"
#include "transfer/transferqueue.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QMimeData>
#include <QSettings>
#include <QTest>

#include <algorithm>

using namespace bge;
using namespace bge::bench;
using namespace Qt::StringLiterals;

namespace {

constexpr int kScriptParallel = 8; // the peer: a plain script with 8 requests in flight
const QString kDesktop = u"desktop drop"_s;
const QString kScript = u"ali-oss put"_s;

// What one drop cost, beside its time.
struct DropRun
{
    double seconds = 0;
    double cpuSeconds = 0;
    double sandboxCpuSeconds = 0;
    double stallMs = 0;
    double dropHandledMs = 0; // the drop event itself: the folder listed, the rows added
    int mostInFlight = 0;
    QString loadBefore;
};

} // namespace

class BenchDesktopDrop final : public QObject
{
    Q_OBJECT

private:
    QString m_work;
    AliossObjectsScript m_alioss;
    BenchSandbox m_sandbox;
    std::unique_ptr<test::ClientStack> m_stack;
    test::StallMeter m_stalls;
    int m_rounds = 2;

    // The window as the shell builds it for an app signed in with its client credentials (the
    // principal whose destination the benchmark's checks and the script use), at 1280×800.
    std::unique_ptr<ui::MainWindow> signedInWindow(QSettings* settings, ui::ConnectionMonitor* monitor)
    {
        auto window = std::make_unique<ui::MainWindow>(settings, monitor);
        Profile profile;
        profile.kind = Profile::Kind::Sandbox;
        profile.name = u"sandbox"_s;
        profile.endpoint = QUrl(m_sandbox.apiEndpoint());
        profile.clientId = BenchSandbox::clientId();
        profile.grantMode = Profile::GrantMode::ClientCredentials;
        User user;
        user.username = BenchSandbox::clientId();
        window->showWorkspace(&m_stack->api, user, profile);
        window->resize(1280, 800);
        window->show();
        return QTest::qWaitForWindowExposed(window.get()) ? std::move(window) : nullptr;
    }

    // Drops the set's folder on the window and runs the event loop until the queue has finished
    // every file of it. The end is seen by a 1 ms check, not by the queue's next tick (250 ms).
    DropRun drop(ui::MainWindow& window, const FileSet& set)
    {
        TransferQueue* queue = window.transfersPanel()->queue();
        queue->removeFinished(); // the earlier rounds' rows, as a person clears the list
        const int first = queue->count();
        DropRun r;
        r.loadBefore = loadAverage();
        const qint64 self = QCoreApplication::applicationPid();
        const double cpuBefore = cpuSecondsOf(self);
        const double sandboxBefore = cpuSecondsOf(m_sandbox.pid());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(set.dir)});
        const QPoint centre = window.rect().center();
        QElapsedTimer clock;
        m_stalls.start();
        clock.start();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QDropEvent dropEvent(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &dropEvent);
        r.dropHandledMs = double(clock.nsecsElapsed()) / 1e6;

        QEventLoop loop;
        QTimer check;
        check.setTimerType(Qt::PreciseTimer);
        check.setInterval(1);
        connect(&check, &QTimer::timeout, &loop, [&] {
            r.mostInFlight = std::max(r.mostInFlight, queue->runningCount());
            if (queue->runningCount() > 0 || queue->count() - first < set.count)
                return;
            for (int row = first; row < queue->count(); ++row) {
                const TransferState state = queue->at(row).state;
                if (state == TransferState::Queued || state == TransferState::Running)
                    return; // queued: started at the next turn of the loop
            }
            loop.quit();
        });
        QTimer::singleShot(30 * 60 * 1000, &loop, &QEventLoop::quit);
        check.start();
        loop.exec();
        r.seconds = double(clock.nsecsElapsed()) / 1e9;
        r.stallMs = m_stalls.stop();
        check.stop();
        r.cpuSeconds = cpuSecondsOf(self) - cpuBefore;
        r.sandboxCpuSeconds = cpuSecondsOf(m_sandbox.pid()) - sandboxBefore;

        [&] {
            QVERIFY(dropEvent.isAccepted());
            QCOMPARE(queue->count() - first, set.count);
            for (int row = first; row < queue->count(); ++row) {
                const TransferItem& item = queue->at(row);
                QVERIFY2(item.state == TransferState::Completed,
                         qPrintable(u"%1: %2 %3"_s.arg(item.name, transferStateKey(item.state), item.error)));
                QCOMPARE(item.objectName, m_sandbox.keyFor(item.name));
            }
        }();
        return r;
    }

    void uploadSet(ui::MainWindow& window, FileSet& set)
    {
        writeFileSet(set, m_work);
        if (QTest::currentTestFailed())
            return;
        QMap<QString, QList<double>> seconds;
        QList<double> scriptProcessSeconds;
        QList<double> stalls;
        for (int round = 0; round < m_rounds; ++round) {
            QStringList order{kDesktop, kScript};
            if (round % 2)
                std::reverse(order.begin(), order.end());
            for (const QString& client : std::as_const(order)) {
                QString line;
                if (client == kScript) {
                    const ClientRun r = m_alioss.run(m_sandbox, client, set, u"put"_s, kScriptParallel);
                    QVERIFY2(r.run.succeeded(), r.run.err.right(2000).constData());
                    seconds[client].append(r.seconds);
                    scriptProcessSeconds.append(r.run.wallSeconds);
                    line = formatRun(r);
                } else {
                    const DropRun r = drop(window, set);
                    if (QTest::currentTestFailed())
                        return;
                    seconds[client].append(r.seconds);
                    stalls.append(r.stallMs);
                    line =
                        u"%1 %2 files %3 s  %4 files/s  %5 MB/s  cpu %6 s (this process)  sandbox cpu %7 s  "
                        u"at most %8 files in flight  longest event-loop stall %9 ms (the drop event %10 ms)  load before %11"_s
                            .arg(client, -12)
                            .arg(set.count)
                            .arg(r.seconds, 0, 'f', 2)
                            .arg(set.count / r.seconds, 0, 'f', 0)
                            .arg(double(set.bytes()) / 1e6 / r.seconds, 0, 'f', 0)
                            .arg(r.cpuSeconds, 0, 'f', 2)
                            .arg(r.sandboxCpuSeconds, 0, 'f', 2)
                            .arg(r.mostInFlight)
                            .arg(r.stallMs, 0, 'f', 0)
                            .arg(r.dropHandledMs, 0, 'f', 0)
                            .arg(r.loadBefore);
                }
                say(u"bench: upload %1 round %2: "_s.arg(set.tag).arg(round + 1) + line);
                verifyAndDeleteObjects(m_sandbox, set);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        const double desktop = median(seconds[kDesktop]);
        const double script = median(seconds[kScript]);
        say(u"bench: upload %1: desktop drop median %2 s (longest stall %3 ms); ali-oss put (8 in flight) "
            u"median %4 s (%5 s with node's start-up): the desktop is %6x as fast as the script (%7x against "
            u"its whole process)"_s.arg(set.tag)
                .arg(desktop, 0, 'f', 2)
                .arg(*std::max_element(stalls.cbegin(), stalls.cend()), 0, 'f', 0)
                .arg(script, 0, 'f', 2)
                .arg(median(scriptProcessSeconds), 0, 'f', 2)
                .arg(script / desktop, 0, 'f', 2)
                .arg(median(scriptProcessSeconds) / desktop, 0, 'f', 2));
        QDir(set.dir).removeRecursively();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = m_alioss.locate();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_work = m_alioss.workDir();
        m_rounds = benchRounds();
        // The queue saves itself under the (private) HOME's application data, as the app does.
        QCoreApplication::setOrganizationName(u"BGE"_s);
        say(u"bench: "_s + machineSummary());
        // A round trip like the real service's (tens of ms away) instead of loopback's: what
        // files in flight are for.
        const int latencyMs = qEnvironmentVariableIntValue("BGE_BENCH_OSS_LATENCY_MS");
        if (latencyMs > 0)
            say(u"bench: every object-storage request of the sandbox answers %1 ms late"_s.arg(latencyMs));
        const QString problem =
            m_sandbox.start(QStringLiteral(BGE_SANDBOX_PATH), m_work,
                            latencyMs > 0 ? QStringList{u"--oss-faults"_s, u"latency-ms=%1"_s.arg(latencyMs)}
                                          : QStringList());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_stack = std::make_unique<test::ClientStack>(m_sandbox.apiEndpoint(), BenchSandbox::clientId(),
                                                      m_sandbox.clientSecret());
        m_stack->session.useClientCredentials();
    }

    void uploads()
    {
        const QString spec = qEnvironmentVariable("BGE_BENCH_SMALL_UPLOADS", u"1000x64K,200x4M"_s);
        QList<FileSet> sets = parseFileSets(spec);
        QVERIFY2(!sets.isEmpty(), qPrintable(u"BGE_BENCH_SMALL_UPLOADS: not COUNTxSIZE,…: "_s + spec));
        QSettings settings(m_work + u"/window.ini"_s, QSettings::IniFormat);
        ui::ConnectionMonitor monitor;
        const std::unique_ptr<ui::MainWindow> window = signedInWindow(&settings, &monitor);
        QVERIFY(window);
        for (FileSet& set : sets) {
            uploadSet(*window, set);
            if (QTest::currentTestFailed())
                return;
        }
        say(u"bench: peak resident memory of the desktop process: %1 MiB; figures are noisy: this machine is "
            u"shared (load now %2)"_s.arg(test::peakResidentKiB() / 1024)
                .arg(loadAverage()));
        window->clearWorkspace();
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_MAIN(BenchDesktopDrop)
#include "bench_desktopdrop.moc"
