// The Transfers panel against a real bge-sandbox, in a private X server: files and a folder
// dropped on the main window are uploaded byte for byte with live progress bars painted by the
// delegate; the toolbar's pause, resume, cancel, retry, overwrite, skip, open-folder and
// remove-finished act on the selected rows; downloads land in the download folder; the file
// dialog does not block; a restart resumes; thousands of rows stay consistent. The model is
// checked by QAbstractItemModelTester throughout.
#include "common/sandboxprocess.h"
#include "common/testfiles.h"
#include "coretestsupport.h"
#include "shell/connectionmonitor.h"
#include "shell/mainwindow.h"
#include "transfers/transferformat.h"
#include "transfers/transferlistmodel.h"
#include "transfers/transferspanel.h"

#include "api/records/user.h"
#include "credentials/memorycredentialstore.h"
#include "omics/omicsaccount.h"
#include "omics/omicsconnections.h"
#include "omics/readsetuploadjob.h"
#include "profiles/profile.h"
#include "transfer/downloadjob.h"
#include "transfer/transferqueue.h"
#include "transfer/uploadjournal.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProxyStyle>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QStyleOptionProgressBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

// Records the progress bars the transfer table paints, then paints them as Fusion would.
class RecordingStyle final : public QProxyStyle
{
public:
    RecordingStyle() : QProxyStyle(QStyleFactory::create(u"Fusion"_s)) {}

    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override
    {
        if (element == CE_ProgressBar && widget && widget->objectName() == u"transfersTable") {
            if (const auto* bar = qstyleoption_cast<const QStyleOptionProgressBar*>(option))
                bars.append({bar->progress, bar->maximum, bar->text});
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }

    struct Bar
    {
        int progress;
        int maximum;
        QString text;
    };
    mutable QList<Bar> bars;

    bool painted(const std::function<bool(const Bar&)>& match) const
    {
        return std::any_of(bars.cbegin(), bars.cend(), match);
    }
};

// `reads` FASTQ records of random bases, deterministic from `seed`; `mate` 1 or 2 for a pair.
QByteArray fastq(int reads, quint32 seed, int mate)
{
    QRandomGenerator random(seed);
    QByteArray out;
    for (int i = 0; i < reads; ++i) {
        QByteArray seq(100, 'A');
        QByteArray qual(100, 'I');
        for (int k = 0; k < 100; ++k) {
            seq[k] = "ACGT"[random.bounded(4)];
            qual[k] = char('!' + random.bounded(41));
        }
        out += "@run1:1:FC:1:" + QByteArray::number(i) + '/' + QByteArray::number(mate) + '\n' + seq +
               "\n+\n" + qual + '\n';
    }
    return out;
}

// Stands in for the file manager: QDesktopServices hands it file:// URLs.
class FolderOpener final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened.append(url); }
};

} // namespace

class TestTransfersGui final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<ClientStack> m_stack;
    QTemporaryDir m_dir;
    RecordingStyle* m_style = nullptr;
    int m_counter = 0;

    QString freshDir(const QString& name)
    {
        const QString dir = m_dir.filePath(u"%1-%2"_s.arg(++m_counter).arg(name));
        QDir().mkpath(dir);
        return dir;
    }

    // Multipart from 1 MiB in 256 KiB parts, so that an upload of a few MiB takes long enough
    // on the sandbox (latency on every request) for buttons to be pressed in the middle.
    static TransferQueueSettings settings(const QString& dir)
    {
        TransferQueueSettings s;
        s.stateFile = dir + u"/transfers.json"_s;
        s.tickIntervalMs = 100;
        s.upload.journalDirectory = dir + u"/journals"_s;
        s.upload.multipartThreshold = kMiB;
        s.upload.partSize = 256 * kKiB;
        s.upload.parallelism = 2;
        return s;
    }

    static int rowOf(const TransfersPanel& panel, const QString& name)
    {
        const TransferQueue* queue = panel.queue();
        for (int row = queue->count() - 1; row >= 0; --row) {
            if (queue->at(row).name == name)
                return row;
        }
        return -1;
    }

    static TransferState stateOf(const TransfersPanel& panel, const QString& name)
    {
        const int row = rowOf(panel, name);
        return row < 0 ? TransferState::Cancelled : panel.queue()->at(row).state;
    }

    static bool waitFor(const TransfersPanel& panel, const QString& name, TransferState state)
    {
        if (QTest::qWaitFor([&] { return stateOf(panel, name) == state; }, kWaitMs))
            return true;
        const int row = rowOf(panel, name);
        qWarning().noquote() << name << "is"
                             << (row < 0 ? u"missing"_s : transferStateKey(panel.queue()->at(row).state))
                             << (row < 0 ? QString() : panel.queue()->at(row).error);
        return false;
    }

    // Selects the (last) row of `name` in the table, through the sort proxy, as a click would.
    static void select(TransfersPanel& panel, const QString& name)
    {
        auto* view = panel.findChild<QTableView*>(u"transfersTable"_s);
        QVERIFY(view);
        const QAbstractItemModel* model = view->model();
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = model->index(row, TransferListModel::Name);
            if (index.data().toString() == name) {
                view->setCurrentIndex(index);
                view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
                return;
            }
        }
        QFAIL(qPrintable(u"no row for "_s + name));
    }

    // Clicks the toolbar button of the action named `actionName`.
    static void click(TransfersPanel& panel, const QString& actionName)
    {
        auto* bar = panel.findChild<QToolBar*>(u"transfersToolBar"_s);
        auto* action = panel.findChild<QAction*>(actionName);
        QVERIFY(bar && action);
        QVERIFY2(action->isEnabled(), qPrintable(actionName + u" is disabled"_s));
        QWidget* button = bar->widgetForAction(action);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    static bool enabled(const TransfersPanel& panel, const QString& actionName)
    {
        const auto* action = panel.findChild<QAction*>(actionName);
        return action && action->isEnabled();
    }

    // The object downloaded again, straight through the core job.
    QByteArray fetchObject(const QString& objectName)
    {
        const QString dest = freshDir(u"check"_s) + u"/object"_s;
        const Result<DownloadResult> r = await(new DownloadJob(&m_stack->api, objectName, dest));
        return r.ok() ? readAll(dest) : QByteArray();
    }

    // The window as the shell builds it for the sandbox's first user, shown at 1280×800.
    std::unique_ptr<MainWindow> signedInWindow(QSettings* settings, ConnectionMonitor* monitor)
    {
        auto window = std::make_unique<MainWindow>(settings, monitor);
        bge::Profile profile;
        profile.kind = bge::Profile::Kind::Sandbox;
        profile.name = u"sandbox"_s;
        profile.endpoint = QUrl(m_sandbox.apiEndpoint());
        profile.clientId = u"bge-desktop-demo"_s;
        bge::User user;
        user.username = m_sandbox.user(0).value(u"username").toString();
        user.nickname = m_sandbox.user(0).value(u"nickname").toString();
        window->showWorkspace(&m_stack->api, user, profile);
        window->resize(1280, 800);
        window->show();
        return QTest::qWaitForWindowExposed(window.get()) ? std::move(window) : nullptr;
    }

    static QMimeData* fileDrag(const QStringList& paths)
    {
        auto* mime = new QMimeData;
        QList<QUrl> urls;
        for (const QString& path : paths)
            urls.append(QUrl::fromLocalFile(path));
        mime->setUrls(urls);
        return mime;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"BGE"_s);
        // The widget dialog in every environment, so the test can find and drive it.
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        m_style = new RecordingStyle;
        QApplication::setStyle(m_style);
        QVERIFY2(m_sandbox.start({u"--oss-faults"_s, u"latency-ms=60"_s}),
                 qPrintable(m_sandbox.errorOutput()));
        m_stack = makeStack(m_sandbox, u"bge-desktop-demo"_s);
        const Result<TokenGrant> grant =
            signIn(*m_stack, m_sandbox, m_sandbox.user(0).value(u"username").toString());
        BGE_VERIFY_OK(grant);
        m_stack->session.setGrant(grant.value());
        TransfersPanel::setDownloadFolder(m_dir.filePath(u"Downloads"_s));
    }

    void figuresReadWell()
    {
        QCOMPARE(TransferFormat::duration(-1), u"—"_s);
        QCOMPARE(TransferFormat::duration(45), u"45 s"_s);
        QCOMPARE(TransferFormat::duration(200), u"3 min 20 s"_s);
        QCOMPARE(TransferFormat::duration(7500), u"2 h 5 min"_s);
        QCOMPARE(TransferFormat::duration(90000), u"1 d 1 h"_s);
        QCOMPARE(TransferFormat::size(-1), u"—"_s);
        TransferTotals totals;
        QVERIFY(TransferFormat::summary(totals).startsWith(u"No transfers."_s));
        totals.items = 4;
        totals.completed = 1;
        totals.running = 1;
        totals.failed = 1;
        totals.nameClashes = 1;
        totals.bytesPerSecond = 2048;
        totals.etaSeconds = 75;
        const QString summary = TransferFormat::summary(totals);
        QVERIFY2(summary.startsWith(u"1 of 4 files done"_s) && summary.contains(u"about 1 min 15 s left"_s) &&
                     summary.contains(u"failed: 1"_s) && summary.contains(u"overwrite or skip: 1"_s),
                 qPrintable(summary));
    }

    // Issue 15: the panel takes the window's height only when there is something to show. It
    // comes with a drop, goes with Ctrl+J or when the list is emptied; hidden, the status bar
    // tells of the transfers and a click brings it back. At sign-in it shows only for
    // unfinished work. Runs first: the suite's HOME is new, so the saved queue is empty.
    void panelShowsOnlyWhenThereIsSomethingToShow()
    {
        const QString dir = freshDir(u"presence"_s);
        const QByteArray bytes = randomBytes(16 * kMiB + 5, 30); // 65 parts, 2 at a time, 60 ms each: seconds
        QVERIFY(writeFile(dir + u"/presence.bin"_s, bytes));
        QSettings windowSettings(dir + u"/window.ini"_s, QSettings::IniFormat);
        ConnectionMonitor monitor;
        {
            const std::unique_ptr<MainWindow> window = signedInWindow(&windowSettings, &monitor);
            QVERIFY(window);
            auto* dock = window->findChild<QDockWidget*>(u"transfersDock"_s);
            auto* status = window->findChild<QToolButton*>(u"transfersStatus"_s);
            QVERIFY(dock && status);
            QCOMPARE(window->transfersPanel()->queue()->count(), 0);
            QVERIFY(!dock->isVisible());   // nothing to show: the results get the height
            QVERIFY(!status->isVisible()); // and nothing to tell

            std::unique_ptr<QMimeData> files(fileDrag({dir + u"/presence.bin"_s}));
            const QPoint centre = window->rect().center();
            QDragEnterEvent enter(centre, Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(window.get(), &enter);
            QDropEvent drop(centre, Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(window.get(), &drop);
            QVERIFY(drop.isAccepted());
            QTRY_VERIFY(dock->isVisible());
            QVERIFY(!status->isVisible());

            // Ctrl+J hides the panel; the status bar says what goes on, and the percentage.
            QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_J));
            window->activateWindow(); // shortcuts go to the active window
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            QTest::keyClick(window.get(), Qt::Key_J, Qt::ControlModifier);
            QTRY_VERIFY(!dock->isVisible());
            QTRY_VERIFY(status->isVisible());
            QTRY_VERIFY2(status->text().startsWith(u"1 uploading, "_s) && status->text().endsWith(u'%'),
                         qPrintable(status->text()));
            QVERIFY2(status->toolTip().contains(u"Ctrl+J"_s), qPrintable(status->toolTip()));
            QVERIFY(waitFor(*window->transfersPanel(), u"presence.bin"_s, TransferState::Completed));
            QTRY_COMPARE(status->text(), u"Transfers: 1 done"_s);

            // A click on it brings the panel back, and the status bar is quiet again.
            QTest::mouseClick(status, Qt::LeftButton);
            QTRY_VERIFY(dock->isVisible());
            QTRY_VERIFY(!status->isVisible());
            window->close();
        }
        {
            // Only finished transfers: the panel stays hidden at the next sign-in; the status
            // bar tells of them.
            const std::unique_ptr<MainWindow> window = signedInWindow(&windowSettings, &monitor);
            QVERIFY(window);
            auto* dock = window->findChild<QDockWidget*>(u"transfersDock"_s);
            auto* status = window->findChild<QToolButton*>(u"transfersStatus"_s);
            TransfersPanel* panel = window->transfersPanel();
            QCOMPARE(panel->queue()->count(), 1);
            QVERIFY(!dock->isVisible());
            QTRY_COMPARE(status->text(), u"Transfers: 1 done"_s);
            QVERIFY(status->isVisible());
            // Something to decide (a file that is not there fails): it comes.
            panel->addUploads({QUrl::fromLocalFile(dir + u"/missing.bin"_s)});
            QVERIFY(waitFor(*panel, u"missing.bin"_s, TransferState::Failed));
            QTRY_VERIFY(dock->isVisible());
            window->close();
        }
        {
            // A failure waits for the person: the panel shows at sign-in.
            const std::unique_ptr<MainWindow> window = signedInWindow(&windowSettings, &monitor);
            QVERIFY(window);
            auto* dock = window->findChild<QDockWidget*>(u"transfersDock"_s);
            auto* status = window->findChild<QToolButton*>(u"transfersStatus"_s);
            TransfersPanel* panel = window->transfersPanel();
            QCOMPARE(panel->queue()->count(), 2);
            QVERIFY(dock->isVisible());
            QVERIFY(!status->isVisible());
            // Emptied, it goes: the failed one cancelled, then Remove Finished, with the toolbar
            // as a person would.
            select(*panel, u"missing.bin"_s);
            click(*panel, u"cancelTransfersAction"_s);
            QTRY_COMPARE(panel->queue()->totals().items, 1); // the completed one
            QVERIFY(dock->isVisible());
            click(*panel, u"removeFinishedTransfersAction"_s);
            QTRY_COMPARE(panel->queue()->count(), 0);
            QTRY_VERIFY(!dock->isVisible());
            QVERIFY(!status->isVisible());
            window->close();
        }
    }

    void dropOnTheMainWindowUploadsFilesAndFolders()
    {
        const QString dir = freshDir(u"drop"_s);
        const QByteArray big = randomBytes(3 * kMiB + 11, 1);
        const QByteArray a = randomBytes(10 * kKiB, 2);
        const QByteArray b = randomBytes(20 * kKiB, 3);
        QVERIFY(writeFile(dir + u"/dropped-big.bin"_s, big));
        QVERIFY(writeFile(dir + u"/folder/dropped-a.txt"_s, a));
        QVERIFY(writeFile(dir + u"/folder/sub/dropped-b.txt"_s, b));

        // The window as the shell builds it for a signed-in account.
        QSettings windowSettings(m_dir.filePath(u"window.ini"_s), QSettings::IniFormat);
        ConnectionMonitor monitor;
        const std::unique_ptr<MainWindow> shown = signedInWindow(&windowSettings, &monitor);
        QVERIFY(shown);
        MainWindow& window = *shown;
        TransfersPanel* panel = window.transfersPanel();
        QVERIFY(panel);
        QAbstractItemModelTester tester(panel->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_style->bars.clear();

        // Web links are not files: the window refuses them.
        QMimeData web;
        web.setUrls({QUrl(u"https://example.com/x.bin"_s)});
        QDragEnterEvent refused(QPoint(100, 100), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());

        std::unique_ptr<QMimeData> files(fileDrag({dir + u"/dropped-big.bin"_s, dir + u"/folder"_s}));
        const QPoint centre = window.rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(centre, Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());

        QCOMPARE(panel->model()->rowCount(), 3); // the folder gave its two files, flat
        for (const QString& name : {u"dropped-big.bin"_s, u"dropped-a.txt"_s, u"dropped-b.txt"_s})
            QVERIFY(waitFor(*panel, name, TransferState::Completed));

        const TransferQueue* queue = panel->queue();
        QVERIFY(fetchObject(queue->at(rowOf(*panel, u"dropped-big.bin"_s)).objectName) == big);
        QVERIFY(fetchObject(queue->at(rowOf(*panel, u"dropped-a.txt"_s)).objectName) == a);
        QVERIFY(fetchObject(queue->at(rowOf(*panel, u"dropped-b.txt"_s)).objectName) == b);

        // The delegate painted bars, full at the end.
        QTRY_VERIFY(m_style->painted([](const RecordingStyle::Bar& bar) {
            return bar.progress == 1000 && bar.maximum == 1000 && bar.text == u"100%";
        }));
        auto* summary = panel->findChild<QLabel*>(u"transfersSummary"_s);
        QTRY_VERIFY2(summary->text().startsWith(u"3 of 3 files done"_s), qPrintable(summary->text()));
        // One notification for the drop. No tray under Xvfb and no status bar: the panel says it.
        auto* message = panel->findChild<QLabel*>(u"transfersMessage"_s);
        QTRY_VERIFY2(message->isVisible() && message->text().contains(u"Files transferred: 3."_s),
                     qPrintable(message->text()));
        // The account the uploads go to, as the person knows it; the generated folder path only
        // in the tooltip (issue 15).
        auto* destinations = panel->findChild<QLabel*>(u"transferDestinations"_s);
        QVERIFY(!queue->uploadDestination().isEmpty());
        QVERIFY2(destinations->text().contains(u"the platform folder of "_s +
                                               m_sandbox.user(0).value(u"nickname").toString()) &&
                     !destinations->text().contains(queue->uploadDestination()),
                 qPrintable(destinations->text()));
        QVERIFY2(destinations->toolTip().contains(queue->uploadDestination()),
                 qPrintable(destinations->toolTip()));
    }

    void toolbarButtonsControlTheSelectedTransfers()
    {
        const QString dir = freshDir(u"buttons"_s);
        const QByteArray bytes = randomBytes(6 * kMiB, 10); // 24 parts, 2 at a time
        QVERIFY(writeFile(dir + u"/in/buttons.bin"_s, bytes));
        TransfersPanel panel(&m_stack->api, settings(dir));
        panel.resize(1100, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_style->bars.clear();

        panel.addUploads({QUrl::fromLocalFile(dir + u"/in/buttons.bin"_s)});
        QVERIFY(waitFor(panel, u"buttons.bin"_s, TransferState::Running));
        QTRY_VERIFY(panel.queue()->at(0).done > 0);
        // Live progress: a bar painted part-way.
        QTRY_VERIFY(m_style->painted(
            [](const RecordingStyle::Bar& bar) { return bar.progress > 0 && bar.progress < 1000; }));

        select(panel, u"buttons.bin"_s);
        QVERIFY(!enabled(panel, u"resumeTransfersAction"_s));
        click(panel, u"pauseTransfersAction"_s);
        QCOMPARE(stateOf(panel, u"buttons.bin"_s), TransferState::Paused);
        QVERIFY(!enabled(panel, u"pauseTransfersAction"_s));
        QTRY_VERIFY(enabled(panel, u"resumeTransfersAction"_s));
        QCOMPARE(QDir(dir + u"/journals"_s).entryList(QDir::Files).size(), 1); // kept for the resume
        click(panel, u"resumeTransfersAction"_s);
        QVERIFY(waitFor(panel, u"buttons.bin"_s, TransferState::Completed));
        QVERIFY(fetchObject(panel.queue()->at(0).objectName) == bytes);

        // Cancel mid-upload: the journal goes (the multipart upload is aborted).
        QVERIFY(writeFile(dir + u"/in/cancelled.bin"_s, randomBytes(4 * kMiB, 11)));
        panel.addUploads({QUrl::fromLocalFile(dir + u"/in/cancelled.bin"_s)});
        QVERIFY(waitFor(panel, u"cancelled.bin"_s, TransferState::Running));
        QTRY_VERIFY(QDir(dir + u"/journals"_s).entryList(QDir::Files).size() == 1);
        select(panel, u"cancelled.bin"_s);
        click(panel, u"cancelTransfersAction"_s);
        QCOMPARE(stateOf(panel, u"cancelled.bin"_s), TransferState::Cancelled);
        QTRY_COMPARE(QDir(dir + u"/journals"_s).entryList(QDir::Files).size(), 0);

        // Retry a failure once its cause is gone.
        panel.addUploads({QUrl::fromLocalFile(dir + u"/in/late.bin"_s)});
        QVERIFY(waitFor(panel, u"late.bin"_s, TransferState::Failed));
        QVERIFY(writeFile(dir + u"/in/late.bin"_s, "arrived"));
        select(panel, u"late.bin"_s);
        QTRY_VERIFY(enabled(panel, u"retryTransfersAction"_s));
        click(panel, u"retryTransfersAction"_s);
        QVERIFY(waitFor(panel, u"late.bin"_s, TransferState::Completed));

        // The name exists on the server: skip once, overwrite the next time.
        QVERIFY(writeFile(dir + u"/again/late.bin"_s, "replaced"));
        panel.addUploads({QUrl::fromLocalFile(dir + u"/again/late.bin"_s)});
        QTRY_COMPARE(panel.queue()->at(panel.queue()->count() - 1).state, TransferState::NameExists);
        select(panel, u"late.bin"_s); // the last row of that name: the clash
        QTRY_VERIFY(enabled(panel, u"skipTransfersAction"_s));
        click(panel, u"skipTransfersAction"_s);
        QCOMPARE(panel.queue()->at(panel.queue()->count() - 1).state, TransferState::Skipped);
        panel.addUploads({QUrl::fromLocalFile(dir + u"/again/late.bin"_s)});
        QTRY_COMPARE(panel.queue()->at(panel.queue()->count() - 1).state, TransferState::NameExists);
        const int clash = panel.queue()->count() - 1;
        auto* view = panel.findChild<QTableView*>(u"transfersTable"_s);
        view->selectRow(clash);
        QTRY_VERIFY(enabled(panel, u"overwriteTransfersAction"_s));
        click(panel, u"overwriteTransfersAction"_s);
        QTRY_COMPARE_WITH_TIMEOUT(panel.queue()->at(clash).state, TransferState::Completed, kWaitMs);
        QCOMPARE(fetchObject(panel.queue()->at(clash).objectName), QByteArray("replaced"));

        // Open the containing folder of the selected file.
        FolderOpener opener;
        QDesktopServices::setUrlHandler(u"file"_s, &opener, "open");
        select(panel, u"buttons.bin"_s);
        click(panel, u"openFolderAction"_s);
        QDesktopServices::unsetUrlHandler(u"file"_s);
        QCOMPARE(opener.opened, QList<QUrl>{QUrl::fromLocalFile(dir + u"/in"_s)});

        // The context menu offers the same actions, without blocking.
        view->viewport()->setFocus();
        QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, QPoint(20, 20),
                                    view->viewport()->mapToGlobal(QPoint(20, 20)), Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &menuEvent);
        auto* menu = panel.findChild<QMenu*>(u"transfersContextMenu"_s);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(menu->actions().contains(panel.findChild<QAction*>(u"pauseTransfersAction"_s)));
        menu->close();

        // Remove finished: completed, cancelled and skipped rows go.
        QTRY_VERIFY(enabled(panel, u"removeFinishedTransfersAction"_s));
        click(panel, u"removeFinishedTransfersAction"_s);
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(!enabled(panel, u"removeFinishedTransfersAction"_s));
    }

    void restartResumesTheUpload()
    {
        const QString dir = freshDir(u"restart"_s);
        constexpr int kParts = 97; // of 256 KiB: at the sandbox's 60 ms per request, 4 at a time,
                                   // at least 1.5 s however fast the machine
        const QByteArray bytes = randomBytes(24 * kMiB + 1, 20);
        QVERIFY(writeFile(dir + u"/in/restart.bin"_s, bytes));
        qsizetype partsBefore = 0;
        const auto journal = [&]() -> std::optional<UploadJournal> {
            const QStringList journals = QDir(dir + u"/journals"_s).entryList(QDir::Files);
            return journals.isEmpty() ? std::nullopt
                                      : UploadJournal::load(dir + u"/journals/"_s + journals.first());
        };
        {
            TransfersPanel panel(&m_stack->api, settings(dir));
            panel.addUploads({QUrl::fromLocalFile(dir + u"/in/restart.bin"_s)});
            QVERIFY(QTest::qWaitFor([&] { return journal() && journal()->parts.size() >= 4; }, kWaitMs));
        }                                      // the app quits mid-upload
        partsBefore = journal()->parts.size(); // parts in flight may have finished meanwhile
        QVERIFY2(partsBefore < kParts, "the upload finished before the app quit: the test proves nothing");
        const qsizetype logMark = m_sandbox.errorOutput().size();

        TransfersPanel panel(&m_stack->api, settings(dir));
        panel.show();
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel.model()->rowCount(), 1);
        // By itself: the same multipart upload goes on, sending only the parts it lacked.
        QVERIFY(waitFor(panel, u"restart.bin"_s, TransferState::Completed));
        QVERIFY(fetchObject(panel.queue()->at(0).objectName) == bytes);
        const QStringList after = m_sandbox.errorOutput().mid(logMark).split(u'\n');
        // The sandbox logs "oss: <method> <path>[?partNumber=N] <status>" per request.
        const auto count = [&](const QString& method, const QString& pathEnd) {
            return std::count_if(after.cbegin(), after.cend(), [&](const QString& line) {
                return line.contains(u"oss: "_s + method + u' ') && line.contains(pathEnd) && line.endsWith(u" 200"_s);
            });
        };
        // One POST: the Complete. A second Initiate would mean it started over.
        QCOMPARE(count(u"POST"_s, u"/restart.bin "_s), 1);
        // The parts the journal lacked, plus at most those in flight when the app quit.
        const qsizetype sent = count(u"PUT"_s, u"/restart.bin?partNumber="_s);
        QVERIFY2(sent >= kParts - partsBefore && sent <= kParts - partsBefore + 4,
                 qPrintable(u"%1 parts sent after the restart, %2 were saved before"_s.arg(sent).arg(partsBefore)));
    }

    void downloadsGoToTheDownloadFolder()
    {
        const QString dir = freshDir(u"download"_s);
        const QByteArray bytes = randomBytes(500 * kKiB, 30);
        QVERIFY(writeFile(dir + u"/in/to-download.bin"_s, bytes));
        TransfersPanel panel(&m_stack->api, settings(dir));
        panel.show();
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.addUploads({QUrl::fromLocalFile(dir + u"/in/to-download.bin"_s)});
        QVERIFY(waitFor(panel, u"to-download.bin"_s, TransferState::Completed));
        const QString object = panel.queue()->at(0).objectName;

        // The name a view suggests is never trusted as a path.
        panel.addDownload(object, u"../../not-here.bin"_s);
        QVERIFY(waitFor(panel, u"not-here.bin"_s, TransferState::Completed));
        const QString dest = TransfersPanel::downloadFolder() + u"/not-here.bin"_s;
        QCOMPARE(panel.queue()->at(1).localPath, dest);
        QVERIFY(readAll(dest) == bytes);
        QCOMPARE(panel.model()->index(1, TransferListModel::Direction).data().toString(), u"Download"_s);
    }

    void readSetsInTheTable()
    {
        // The HealthOmics accounts of the app, with the sandbox's emulator as the only one.
        const QString dir = freshDir(u"readsets"_s);
        const QJsonObject omics = m_sandbox.description().value(u"omics"_s).toObject();
        const QString store =
            omics.value(u"sequence_stores"_s).toArray().first().toObject().value(u"id"_s).toString();
        QSettings accountSettings(dir + u"/accounts.ini"_s, QSettings::IniFormat);
        MemoryCredentialStore keychain;
        QNetworkAccessManager network;
        omics::OmicsConnections connections(&accountSettings, &keychain, &network);
        omics::OmicsAccount account;
        account.name = u"lab"_s;
        account.region = omics.value(u"region"_s).toString();
        account.accessKeyId = omics.value(u"access_key_id"_s).toString();
        account.endpoint = omics.value(u"endpoint"_s).toString();
        std::optional<QString> problem;
        connections.save(account, omics.value(u"secret_access_key"_s).toString(), this,
                         [&problem](const QString& p) { problem = p; });
        QTRY_VERIFY(problem.has_value());
        QVERIFY2(problem->isEmpty(), qPrintable(*problem));
        const QString r1 = dir + u"/NA12878_R1.fastq"_s;
        const QString r2 = dir + u"/NA12878_R2.fastq"_s;
        QVERIFY(writeFile(r1, fastq(3000, 1, 1)));
        QVERIFY(writeFile(r2, fastq(3000, 2, 2)));

        TransferQueueSettings s = settings(dir);
        s.readSetUpload.partSize = 128 * kKiB;
        s.readSetUpload.pollIntervalMs = 300;
        TransfersPanel panel(&m_stack->api, &connections, s);
        panel.resize(1280, 800);
        panel.show();
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy settled(&panel, &TransfersPanel::readSetSettled);

        omics::ReadSetUploadOptions pair;
        pair.storeId = store;
        pair.files = {r1, r2};
        pair.name = u"NA12878"_s;
        pair.sampleId = u"S1"_s;
        pair.subjectId = u"NA12878"_s;
        omics::ReadSetUploadOptions unknown = pair;
        unknown.name = u"elsewhere"_s;
        unknown.files = {r1};
        panel.addReadSetUploads(u"lab"_s, {pair});
        panel.addReadSetUploads(u"gone"_s, {unknown});
        QAbstractItemModel* model = panel.model();
        QCOMPARE(model->index(0, TransferListModel::Name).data().toString(), u"NA12878 (R1 + R2)"_s);
        QCOMPARE(model->index(0, TransferListModel::Direction).data().toString(), u"Upload to HealthOmics"_s);
        const QString route = model->index(0, TransferListModel::Name).data(Qt::ToolTipRole).toString();
        QVERIFY2(route.contains(store) && route.contains(u"lab"_s) && route.contains(r2), qPrintable(route));
        QCOMPARE(model->index(0, TransferListModel::Size).data().toString(),
                 TransferFormat::size(QFileInfo(r1).size() + QFileInfo(r2).size()));

        // While the service processes the bytes the row says so; then the read set is active.
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, TransferListModel::State).data().toString(),
                                  u"Processing"_s, kWaitMs);
        QVERIFY(waitFor(panel, u"elsewhere"_s, TransferState::Failed));
        const QString failure = model->index(1, TransferListModel::State).data(Qt::ToolTipRole).toString();
        QVERIFY2(failure.contains(u"“gone”"_s), qPrintable(failure));
        const QString shots = qEnvironmentVariable("BGE_SCREENSHOT_DIR", dir);
        QVERIFY(panel.grab().save(shots + u"/transfers-readsets-processing.png"_s));
        QVERIFY(waitFor(panel, u"NA12878"_s, TransferState::Completed));
        QCOMPARE(model->index(0, TransferListModel::State).data().toString(), u"Active"_s);
        QCOMPARE(settled.size(), 1);
        const QString readSetId = settled.first().at(2).toString();
        QCOMPARE(readSetId, panel.queue()->at(0).readSet->readSetId);
        QCOMPARE(settled.first().at(3).toBool(), true);

        // Both files back into the download folder, under the names suggested.
        panel.addReadSetDownload(u"lab"_s, store, readSetId, u"SOURCE1"_s, u"NA12878_1.fastq"_s);
        panel.addReadSetDownload(u"lab"_s, store, readSetId, u"SOURCE2"_s, u"../NA12878_2.fastq"_s);
        QVERIFY(waitFor(panel, u"NA12878_1.fastq"_s, TransferState::Completed));
        QVERIFY(waitFor(panel, u"NA12878_2.fastq"_s, TransferState::Completed));
        QCOMPARE(readAll(TransfersPanel::downloadFolder() + u"/NA12878_1.fastq"_s), readAll(r1));
        QCOMPARE(readAll(TransfersPanel::downloadFolder() + u"/NA12878_2.fastq"_s), readAll(r2));
        QCOMPARE(model->index(2, TransferListModel::Direction).data().toString(),
                 u"Download from HealthOmics"_s);
        // Never over an existing file without asking.
        panel.addReadSetDownload(u"lab"_s, store, readSetId, u"SOURCE1"_s, u"NA12878_1.fastq"_s);
        QCOMPARE(stateOf(panel, u"NA12878_1.fastq"_s), TransferState::NameExists);
        QTRY_COMPARE(model->index(4, TransferListModel::State).data().toString(),
                     TransferFormat::state(panel.queue()->at(4)));
        // The person decides: the row selected, then Skip.
        select(panel, u"NA12878_1.fastq"_s);
        click(panel, u"skipTransfersAction"_s);
        QCOMPARE(stateOf(panel, u"NA12878_1.fastq"_s), TransferState::Skipped);
        QVERIFY(panel.grab().save(shots + u"/transfers-readsets.png"_s));
    }

    void fileDialogDoesNotBlock()
    {
        const QString dir = freshDir(u"dialog"_s);
        QVERIFY(writeFile(dir + u"/chosen.txt"_s, "chosen"));
        TransfersPanel panel(&m_stack->api, settings(dir));
        panel.show();
        panel.chooseFilesToUpload(); // returns at once: no nested event loop
        auto* dialog = panel.findChild<QFileDialog*>(u"uploadFileDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(panel.queue()->count(), 0);
        dialog->setDirectory(dir);
        dialog->selectFile(u"chosen.txt"_s);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog's: the OK button
        QCOMPARE(panel.queue()->count(), 1);
        QCOMPARE(panel.queue()->at(0).localPath, dir + u"/chosen.txt"_s);
        QVERIFY(waitFor(panel, u"chosen.txt"_s, TransferState::Completed));
    }

    void thousandsOfRowsStayConsistent()
    {
        constexpr int kFiles = 5000;
        const QString dir = freshDir(u"many"_s);
        for (int i = 0; i < kFiles; ++i)
            QVERIFY(writeFile(dir + u"/in/%1/row-%2.txt"_s.arg(i % 40).arg(i), QByteArray::number(i)));
        // Not signed in: every item fails at once, which moves every row; the model must keep up.
        QLoggingCategory::setFilterRules(u"bge.transfer.queue.info=false"_s);
        const std::unique_ptr<ClientStack> signedOut = makeStack(m_sandbox, u"bge-desktop-demo"_s);
        TransfersPanel panel(&signedOut->api, settings(dir));
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QElapsedTimer clock;
        clock.start();
        panel.addUploads({QUrl::fromLocalFile(dir + u"/in"_s)});
        const qint64 addMs = clock.elapsed();
        QCOMPARE(panel.model()->rowCount(), kFiles);
        clock.restart();
        QTRY_VERIFY_WITH_TIMEOUT(panel.queue()->totals().failed == kFiles, kWaitMs);
        const qint64 failMs = clock.elapsed();
        auto* view = panel.findChild<QTableView*>(u"transfersTable"_s);
        view->selectAll();
        QTRY_VERIFY(enabled(panel, u"cancelTransfersAction"_s));
        clock.restart();
        click(panel, u"cancelTransfersAction"_s);
        QTRY_VERIFY(enabled(panel, u"removeFinishedTransfersAction"_s)); // at the next tick
        click(panel, u"removeFinishedTransfersAction"_s);
        const qint64 clearMs = clock.elapsed();
        QCOMPARE(panel.model()->rowCount(), 0);
        qInfo(
            "%d rows: added in %lld ms, all moved (failed) within %lld ms, cancelled and removed in %lld ms",
            kFiles, addMs, failMs, clearMs);
    }
};

QTEST_MAIN(TestTransfersGui)
#include "tst_transfers_gui.moc"
