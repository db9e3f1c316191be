// HealthOmics as a person meets it in the main window, against the sandbox's emulator: Ctrl+2
// shows the area, a click picks a store, a paired FASTQ dropped on the read-set table is
// proposed as one read set, Enter sends it through the Transfers panel, the row follows it to
// Active, the bytes read back are the files' and the read-set table finds it; its file
// downloads through the panel; an upload in progress started elsewhere is aborted with Delete
// and a confirmation; the window is grabbed at 1280×800.
#include "keyboardaccess.h"
#include "omicsbrowsesupport.h"

#include "omics/omicsaccountswitcher.h"
#include "omics/omicsarea.h"
#include "omics/omicsworkspace.h"
#include "omics/readsetspanel.h"
#include "omics/readsettablemodel.h"
#include "omics/readsetuploaddialog.h"
#include "omics/readsetuploadmodel.h"
#include "omics/storeuploadmodel.h"
#include "omics/storeuploadsview.h"
#include "shell/connectionmonitor.h"
#include "shell/mainwindow.h"
#include "shell/workspace.h"
#include "transfers/transferlistmodel.h"
#include "transfers/transferspanel.h"

#include "api/records/user.h"
#include "profiles/profile.h"
#include "transfer/transferqueue.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

void drop(QWidget* target, const QList<QUrl>& urls)
{
    const QPoint pos = target->rect().center();
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent event(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

void clickRow(QTableView* view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
}

} // namespace

class TestOmicsDesktop final : public QObject
{
    Q_OBJECT

private:
    OmicsGuiEnvironment m_env;
    std::unique_ptr<ClientStack> m_stack;
    std::unique_ptr<omics::OmicsConnection> m_reference; // the API to compare with
    std::unique_ptr<omics::OmicsApi> m_api;
    ConnectionMonitor m_monitor;
    std::unique_ptr<MainWindow> m_window;
    QString m_store;

    Profile sandboxProfile() const
    {
        Profile profile;
        profile.kind = Profile::Kind::Sandbox;
        profile.name = u"sandbox"_s;
        profile.endpoint = QUrl(m_env.sandbox.apiEndpoint());
        profile.clientId = u"bge-desktop-demo"_s;
        return profile;
    }

    void screenshot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("BGE_SCREENSHOT_DIR", QDir::tempPath());
        QTest::qWait(300);
        m_window->grab().save(QDir(dir).filePath(name));
    }

    const TransferItem* readSetItem(const QString& name) const
    {
        const TransferQueue* queue = m_window->transfersPanel()->queue();
        for (int row = 0; row < queue->count(); ++row) {
            if (queue->at(row).readSet && queue->at(row).name == name)
                return &queue->at(row);
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_env.start(), qPrintable(m_env.sandbox.errorOutput()));
        QVERIFY(m_env.saveEmulatorAccount(u"lab"_s));
        m_store = m_env.storeIds().value(0);
        QVERIFY(!m_store.isEmpty());
        Result<omics::OmicsConnection*> c = m_env.connections->connection(u"lab"_s);
        QVERIFY(c);
        m_api = std::make_unique<omics::OmicsApi>(c.value());

        m_stack = makeStack(m_env.sandbox, u"bge-desktop-demo"_s);
        const auto grant = signIn(*m_stack, m_env.sandbox, u"zhanglei3"_s);
        BGE_VERIFY_OK(grant);
        m_stack->session.setGrant(grant.value());

        TransfersPanel::setDownloadFolder(m_env.dir.filePath(u"downloads"_s));
        QDir().mkpath(m_env.dir.filePath(u"downloads"_s));
        m_window = std::make_unique<MainWindow>(m_env.settings.get(), &m_monitor);
        m_window->setOmicsConnections(m_env.connections.get());
        m_window->setSandboxInfo(m_env.info);
        m_window->resize(1280, 800);
        m_window->show();
        User user;
        user.username = u"zhanglei3"_s;
        user.nickname = u"张磊"_s;
        m_window->showWorkspace(&m_stack->api, user, sandboxProfile());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // Without a window manager, a window is not active again after a dialog closed: shortcuts
    // (window context) need it active, as they do on a desktop.
    void init()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        if (m_window)
            m_window->clearWorkspace();
        m_window.reset();
    }

    void ctrl2ShowsHealthOmicsAndAClickPicksAStore()
    {
        QCOMPARE(m_window->areas()->currentWidget(), static_cast<QWidget*>(m_window->workspace()));
        QVERIFY(m_window->omicsArea());
        QVERIFY(m_window->uploadReadSetAction()->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->areas()->currentWidget(), static_cast<QWidget*>(m_window->omicsArea()));

        OmicsWorkspace* workspace = m_window->omicsArea()->workspace();
        QCOMPARE(workspace->currentAccount(), u"lab"_s);
        QTableView* stores = workspace->storeView();
        QTRY_VERIFY_WITH_TIMEOUT(stores->model()->rowCount() >= 2, kWaitMs);
        int row = -1;
        for (int r = 0; r < stores->model()->rowCount(); ++r) {
            if (stores->model()->index(r, 1).data().toString() == m_store)
                row = r;
        }
        if (row < 0) { // the id column may be elsewhere: find it in any column
            for (int r = 0; r < stores->model()->rowCount() && row < 0; ++r)
                for (int col = 0; col < stores->model()->columnCount(); ++col)
                    if (stores->model()->index(r, col).data().toString() == m_store)
                        row = r;
        }
        QVERIFY(row >= 0);
        clickRow(stores, row);
        QTRY_COMPARE(workspace->currentStore().id, m_store);
        // The store's tabs: read sets, uploads in progress, import jobs.
        QCOMPARE(workspace->storeTabs()->count(), 3);
        QVERIFY(m_window->omicsArea()->uploadsView());
        QVERIFY(m_window->omicsArea()->importJobsView());
        QTRY_VERIFY_WITH_TIMEOUT(workspace->readSetsPanel()->model()->rowCount() > 0, kWaitMs);
        // Ctrl+1 goes back to the platform, Ctrl+2 returns here with the store kept.
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->areas()->currentWidget(), static_cast<QWidget*>(m_window->workspace()));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(workspace->currentStore().id, m_store);
        screenshot(u"omics-desktop-readsets.png"_s);
    }

    // The HealthOmics area for a keyboard and screen-reader user (issue 15): on each of the
    // store's tabs, every widget Tab reaches has an accessible name and description, and Tab,
    // pressed as a key, walks the area in reading order and reaches all of it.
    void healthOmicsIsNamedDescribedAndTabbedInOrder()
    {
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        OmicsWorkspace* workspace = m_window->omicsArea()->workspace();
        QTRY_COMPARE(workspace->currentStore().id, m_store);
        QTabWidget* tabs = workspace->storeTabs();
        // A read set chosen: its details are beside the list, and checked with it.
        QTableView* readSets = workspace->readSetsPanel()->view();
        QTRY_VERIFY_WITH_TIMEOUT(readSets->model()->rowCount() > 0, kWaitMs);
        clickRow(readSets, 0);
        auto* title = m_window->findChild<QLabel*>(u"readSetTitle"_s);
        QVERIFY(title);
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && !title->text().isEmpty(), kWaitMs);
        QStringList problems;
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QTest::qWait(200); // the tab's list loads and lays out
            const QString where = tabs->tabText(t);
            problems += accessibilityGaps(m_window->omicsArea(), where);
            QWidget* start = firstInReadingOrder(tabReachableWidgets(m_window->omicsArea()));
            QVERIFY(start);
            const QList<QWidget*> chain = tabChain(m_window->omicsArea(), start);
            for (const QString& b : readingOrderBreaks(chain))
                problems.append(where + u": "_s + b);
            for (const QString& m : unreachedByTab(m_window->omicsArea(), chain))
                problems.append(where + u": not reached: "_s + m);
        }
        tabs->setCurrentIndex(0);
        problems.removeDuplicates();
        for (const QString& p : problems)
            qWarning().noquote() << p;
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void droppedPairBecomesOneActiveReadSet()
    {
        const QString dir = m_env.dir.filePath(u"run42"_s);
        QVERIFY(QDir().mkpath(dir));
        const QByteArray r1 = fastq(2000, 42, 1);
        const QByteArray r2 = fastq(2000, 43, 2);
        QVERIFY(writeFile(dir + u"/HG004_S3_L002_R1_001.fastq"_s, r1));
        QVERIFY(writeFile(dir + u"/HG004_S3_L002_R2_001.fastq"_s, r2));

        OmicsArea* area = m_window->omicsArea();
        ReadSetsPanel* readSets = area->workspace()->readSetsPanel();
        QAbstractItemModelTester transfersTester(m_window->transfersPanel()->model(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        drop(readSets->view()->viewport(), {QUrl::fromLocalFile(dir + u"/HG004_S3_L002_R1_001.fastq"_s),
                                            QUrl::fromLocalFile(dir + u"/HG004_S3_L002_R2_001.fastq"_s)});
        QTRY_VERIFY(area->uploadDialog() && area->uploadDialog()->isVisible());
        ReadSetUploadDialog* dialog = area->uploadDialog();
        QAbstractItemModelTester dialogTester(dialog->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog->model()->rowCount(), 1); // R1 + R2: one read set
        QTRY_VERIFY(dialog->blockingReason().isEmpty());
        const QList<omics::ReadSetUploadOptions> proposed = dialog->uploads();
        QCOMPARE(proposed.size(), 1);
        QCOMPARE(proposed.first().files.size(), 2);
        QCOMPARE(proposed.first().fileType, u"FASTQ"_s);
        QVERIFY(proposed.first().referenceArn.isEmpty());
        const QString name = proposed.first().name;
        QVERIFY(!name.isEmpty());
        screenshot(u"omics-desktop-upload-dialog.png"_s);

        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!area->uploadDialog() || !area->uploadDialog()->isVisible());
        QTRY_VERIFY(readSetItem(name) != nullptr);
        QVERIFY(readSetItem(name)->readSet->isPair());
        QTRY_VERIFY_WITH_TIMEOUT(readSetItem(name)->state == TransferState::Completed, 3 * kWaitMs);
        const QString readSetId = readSetItem(name)->readSet->readSetId;
        QVERIFY(!readSetId.isEmpty());
        QCOMPARE(readSetItem(name)->readSet->status, u"ACTIVE"_s);

        // The service holds the files as they were.
        const Result<QByteArray> back1 = awaitJob(m_api->readSetPart(m_store, readSetId, 1, u"SOURCE1"_s));
        const Result<QByteArray> back2 = awaitJob(m_api->readSetPart(m_store, readSetId, 1, u"SOURCE2"_s));
        BGE_VERIFY_OK(back1);
        BGE_VERIFY_OK(back2);
        QVERIFY(back1.value() == r1);
        QVERIFY(back2.value() == r2);

        // The table of the store finds it (the list was read again when it became ACTIVE).
        readSets->selectReadSet(readSetId);
        QTRY_VERIFY_WITH_TIMEOUT(readSets->model()->rowOf(readSetId) >= 0, kWaitMs);
        QTRY_COMPARE(readSets->view()->currentIndex().isValid(), true);
        screenshot(u"omics-desktop-uploaded.png"_s);

        // Its first file downloads through the panel into the download folder.
        auto* download = readSets->findChild<QPushButton*>(u"download_SOURCE1"_s);
        QVERIFY(download);
        QTRY_VERIFY_WITH_TIMEOUT(download->isEnabled(), kWaitMs);
        QTest::mouseClick(download, Qt::LeftButton);
        const TransferQueue* queue = m_window->transfersPanel()->queue();
        const auto downloadRow = [queue] {
            for (int row = 0; row < queue->count(); ++row) {
                if (queue->at(row).readSet && !queue->at(row).isUpload())
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY(downloadRow() >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(queue->at(downloadRow()).state == TransferState::Completed, kWaitMs);
        QFile file(queue->at(downloadRow()).localPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == r1);
        QVERIFY(QFileInfo(file).absolutePath().startsWith(m_env.dir.filePath(u"downloads"_s)));
    }

    void uploadStartedElsewhereIsAbortedWithDelete()
    {
        omics::CreateUploadInput input;
        input.sourceFileType = u"FASTQ"_s;
        input.subjectId = u"NA24385"_s;
        input.sampleId = u"NA24385-S1"_s;
        input.name = u"started-by-a-script"_s;
        input.clientToken = omics::OmicsApi::newClientToken();
        const Result<omics::ReadSetUpload> upload = awaitJob(m_api->createUpload(m_store, input));
        BGE_VERIFY_OK(upload);

        OmicsArea* area = m_window->omicsArea();
        QTabWidget* tabs = area->workspace()->storeTabs();
        const int index = tabs->indexOf(area->uploadsView());
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          tabs->tabBar()->tabRect(index).center());
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(area->uploadsView()));
        StoreUploadsView* uploads = area->uploadsView();
        QAbstractItemModelTester tester(uploads->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // F5 (the window's Refresh) reads the list again here.
        QTest::keyClick(uploads->view(), Qt::Key_F5);
        const auto rowOfUpload = [uploads, &upload] {
            QAbstractItemModel* model = uploads->view()->model();
            for (int row = 0; row < model->rowCount(); ++row)
                for (int col = 0; col < model->columnCount(); ++col)
                    if (model->index(row, col).data().toString() == upload.value().uploadId)
                        return row;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowOfUpload() >= 0, kWaitMs);
        screenshot(u"omics-desktop-uploads.png"_s);
        clickRow(uploads->view(), rowOfUpload());
        QTest::keyClick(uploads->view(), Qt::Key_Delete);
        QTRY_VERIFY(uploads->confirmation() && uploads->confirmation()->isVisible());
        // Enter would keep it (Keep is the default); Abort is reached and pressed from the keyboard.
        auto* abortButton = uploads->confirmation()->findChild<QPushButton*>(u"confirmAbortButton"_s);
        QVERIFY(abortButton);
        abortButton->setFocus();
        QTest::keyClick(abortButton, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(rowOfUpload() < 0, kWaitMs);
        const auto listed = allPages<omics::ReadSetUpload>(
            [this](const omics::ListOptions& o) { return m_api->listUploads(m_store, o); });
        QVERIFY(listed);
        for (const omics::ReadSetUpload& u : *listed)
            QVERIFY(u.uploadId != upload.value().uploadId);
    }

    // Another account whose keys the service refuses: nothing of the last account's store may
    // stay usable while (or because) its stores never arrive.
    void switchingToARefusedAccountClearsTheStoreViews()
    {
        omics::OmicsAccount refused = m_env.emulatorAccount(u"refused"_s);
        std::optional<QString> problem;
        QObject context;
        m_env.connections->save(refused, u"not-the-secret-access-key-0000000000000"_s, &context,
                                [&problem](const QString& p) { problem = p; });
        QTRY_VERIFY(problem.has_value());
        OmicsArea* area = m_window->omicsArea();
        QVERIFY(area->uploadsView());
        area->workspace()->accountSwitcher()->setCurrentAccount(u"refused"_s);
        QTRY_COMPARE(area->workspace()->currentAccount(), u"refused"_s);
        QVERIFY(!area->uploadsView());
        QVERIFY(!area->importJobsView());
        QVERIFY(area->workspace()->currentStore().id.isEmpty());
        QCOMPARE(area->workspace()->storeTabs()->count(), 1);
        // Back to the account that works: its store and views return.
        area->workspace()->accountSwitcher()->setCurrentAccount(u"lab"_s);
        QTRY_VERIFY_WITH_TIMEOUT(area->uploadsView() != nullptr, kWaitMs);
        QCOMPARE(area->workspace()->currentStore().id, m_store);
        m_env.connections->remove(u"refused"_s);
    }

    void areaIsRememberedAndDropsOnTheWindowProposeReadSets()
    {
        // Dropped anywhere on the window while HealthOmics shows: a proposal, not a platform upload.
        const QString path = m_env.dir.filePath(u"single/NA12891.fastq"_s);
        QVERIFY(writeFile(path, fastq(50, 7, 1)));
        const int rowsBefore = m_window->transfersPanel()->queue()->count();
        drop(m_window.get(), {QUrl::fromLocalFile(path)});
        QTRY_VERIFY(m_window->omicsArea()->uploadDialog() &&
                    m_window->omicsArea()->uploadDialog()->isVisible());
        QCOMPARE(m_window->transfersPanel()->queue()->count(), rowsBefore);
        QTest::keyClick(m_window->omicsArea()->uploadDialog(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->omicsArea()->uploadDialog() ||
                    !m_window->omicsArea()->uploadDialog()->isVisible());

        m_window->saveLayout();
        m_window->clearWorkspace();
        User user;
        user.username = u"zhanglei3"_s;
        m_window->showWorkspace(&m_stack->api, user, sandboxProfile());
        QCOMPARE(m_window->areas()->currentWidget(), static_cast<QWidget*>(m_window->omicsArea()));
    }
};

QTEST_MAIN(TestOmicsDesktop)
#include "tst_omics_desktop.moc"
