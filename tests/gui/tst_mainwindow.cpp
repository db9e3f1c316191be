#include "shell/aboutdialog.h"
#include "shell/accountbutton.h"
#include "shell/connectionindicator.h"
#include "shell/connectionmonitor.h"
#include "shell/mainwindow.h"
#include "shell/paletteiconengine.h"
#include "shell/preferences.h"
#include "shell/preferencesdialog.h"
#include "shell/usercard.h"
#include "shell/workspace.h"

#include "abundance/abundanceview.h"
#include "abundance/compositionchart.h"
#include "abundance/compositionpage.h"
#include "samples/samplefilterbar.h"
#include "samples/samplespanel.h"

#include "common/sandboxprocess.h"
#include "coretestsupport.h"
#include "keyboardaccess.h"

#include "api/records/user.h"
#include "profiles/profile.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QBarCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSplitterHandle>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace bge::ui;
using namespace Qt::StringLiterals;

// The main window: its views once signed in, the account menu, what it remembers between runs,
// preferences and about, the connection indicator, icons that follow the palette.
class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    bge::test::SandboxProcess m_sandbox;
    std::unique_ptr<bge::test::ClientStack> m_stack;

    std::unique_ptr<QSettings> settings(const QString& name)
    {
        return std::make_unique<QSettings>(m_dir.filePath(name + u".ini"_s), QSettings::IniFormat);
    }

    static bge::User demoUser()
    {
        bge::User user;
        user.username = u"zhanglei3"_s;
        user.nickname = u"张磊"_s;
        user.email = u"zhanglei3@example.org"_s;
        user.sex = u"1"_s;
        return user;
    }

    bge::Profile sandboxProfile() const
    {
        bge::Profile profile;
        profile.kind = bge::Profile::Kind::Sandbox;
        profile.name = u"sandbox"_s;
        profile.endpoint = QUrl(m_sandbox.apiEndpoint());
        profile.clientId = u"bge-desktop-demo"_s;
        return profile;
    }

    // The rows of the samples table whose omics column reads `omics`.
    static QList<int> rowsOf(QAbstractItemView* view, const QString& omics)
    {
        QList<int> rows;
        const QAbstractItemModel* model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (model->index(row, column).data().toString() == omics) {
                    rows.append(row);
                    break;
                }
            }
        }
        return rows;
    }

    static void clickRow(QAbstractItemView* view, int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
    }

    // A window signed in to the sandbox as the demo user, shown at `size` and active (shortcuts
    // need an active window; without a window manager, a new one is not active by itself).
    struct SignedInWindow
    {
        ConnectionMonitor monitor;
        MainWindow window;

        SignedInWindow(QSettings* settings, const TestMainWindow& test) : window(settings, &monitor)
        {
            window.showWorkspace(&test.m_stack->api, demoUser(), test.sandboxProfile());
        }

        bool show(QSize size)
        {
            window.resize(size);
            window.show();
            if (!QTest::qWaitForWindowExposed(&window))
                return false;
            window.activateWindow();
            return QTest::qWaitForWindowActive(&window);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_stack = bge::test::makeStack(m_sandbox, u"bge-desktop-demo"_s);
        const auto grant = bge::test::signIn(*m_stack, m_sandbox, u"zhanglei3"_s);
        BGE_VERIFY_OK(grant);
        m_stack->session.setGrant(grant.value());
    }

    void signedOutWindowOffersNoDataActions()
    {
        auto s = settings(u"signedout"_s);
        ConnectionMonitor monitor;
        MainWindow window(s.get(), &monitor);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.workspace());
        QVERIFY(!window.refreshAction()->isEnabled());
        QVERIFY(!window.uploadAction()->isEnabled());
        QVERIFY(!window.signOutAction()->isEnabled());
        QVERIFY(window.switchProfileAction()->isEnabled());
        QVERIFY(!window.accountButton()->isVisible());
        QVERIFY(!window.findChild<QDockWidget*>(u"transfersDock"_s)->isVisible());
        QCOMPARE(window.refreshAction()->shortcut(), QKeySequence(QKeySequence::Refresh));
        QVERIFY(!window.uploadAction()->shortcut().isEmpty());
    }

    void showsEverySampleViewOnceSignedIn()
    {
        auto s = settings(u"views"_s);
        ConnectionMonitor monitor;
        MainWindow window(s.get(), &monitor);
        window.show();
        window.showWorkspace(&m_stack->api, demoUser(), sandboxProfile());
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.workspace());
        QCOMPARE(window.currentPage(), window.areas());
        QCOMPARE(window.areas()->currentWidget(), window.workspace());
        auto* tabs = window.findChild<QTabWidget*>(u"sampleTabs"_s);
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        QVERIFY(window.acceptDrops());
        QVERIFY(window.transfersPanel());
        // Nothing to transfer: the panel stays hidden, its height left to the results (issue 15).
        QVERIFY(!window.findChild<QDockWidget*>(u"transfersDock"_s)->isVisible());
        QVERIFY(window.refreshAction()->isEnabled());
        QVERIFY(window.uploadAction()->isEnabled());
        QVERIFY(window.windowTitle().contains(u"张磊"_s));

        // Refresh builds the views anew; the transfers carry on.
        QPointer<Workspace> before = window.workspace();
        auto* transfers = window.transfersPanel();
        window.refreshAction()->trigger();
        QVERIFY(!before);
        QVERIFY(window.workspace());
        QCOMPARE(window.transfersPanel(), transfers);
        QCOMPARE(window.currentPage(), window.areas());
        QCOMPARE(window.areas()->currentWidget(), window.workspace());

        window.clearWorkspace();
        QVERIFY(!window.workspace());
        QVERIFY(!window.transfersPanel());
        QVERIFY(!window.refreshAction()->isEnabled());
    }

    void accountMenuShowsTheUser()
    {
        auto s = settings(u"account"_s);
        ConnectionMonitor monitor;
        MainWindow window(s.get(), &monitor);
        window.show();
        window.showWorkspace(&m_stack->api, demoUser(), sandboxProfile());
        AccountButton* button = window.accountButton();
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), u"张磊"_s);
        QVERIFY(!button->accessibleName().isEmpty());
        UserCard* card = button->card();
        QCOMPARE(card->field(u"User name:"_s), u"zhanglei3"_s);
        QCOMPARE(card->field(u"Email:"_s), u"zhanglei3@example.org"_s);
        QCOMPARE(card->field(u"Sex:"_s), u"Male"_s);
        QCOMPARE(card->field(u"Phone:"_s), QString()); // absent fields get no row
        QCOMPARE(card->field(u"Endpoint:"_s), m_sandbox.apiEndpoint());
        QVERIFY(button->menu()->actions().contains(window.switchProfileAction()));
        QVERIFY(button->menu()->actions().contains(window.signOutAction()));

        QSignalSpy signOut(&window, &MainWindow::signOutRequested);
        QSignalSpy switchProfile(&window, &MainWindow::switchProfileRequested);
        window.signOutAction()->trigger();
        window.switchProfileAction()->trigger();
        QCOMPARE(signOut.size(), 1);
        QCOMPARE(switchProfile.size(), 1);
    }

    // Issue 15: the result tabs jumped sideways on the first selection (the detail form's
    // width pushed the splitter), so a click aimed at one tab landed on another. At 1280×800
    // and 1024×700, selecting samples one after another moves neither pane.
    void panesKeepTheirWidthsWhenSamplesAreSelected_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void panesKeepTheirWidthsWhenSamplesAreSelected()
    {
        QFETCH(QSize, size);
        auto s = settings(u"panes-%1"_s.arg(size.width()));
        SignedInWindow open(s.get(), *this);
        QVERIFY(open.show(size));
        MainWindow& window = open.window;
        auto* view = window.findChild<QAbstractItemView*>(u"samplesView"_s);
        QVERIFY(view);
        QTRY_VERIFY(view->model()->rowCount() >= 5);
        auto* title = window.findChild<QLabel*>(u"sampleTitle"_s);
        QVERIFY(title);
        QSplitter* splitter = window.workspace()->splitter();
        const QList<int> before = splitter->sizes();
        // Genomic and metagenomic samples both among the first rows of the demo data.
        for (int row = 0; row < 5; ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
            QTRY_COMPARE(title->text(), index.data().toString()); // its details arrived
            QTest::qWait(100);                                    // and were laid out
            QCOMPARE(splitter->sizes(), before);
        }
        // Whatever was shown, the window still fits a 1024×700 screen (a pane's minimum
        // counts even while its hint shows).
        const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(least.width() <= 1024 && least.height() <= 700,
                 qPrintable(u"%1×%2"_s.arg(least.width()).arg(least.height())));
        // With the Transfers panel shown too, it still fits 1280×800.
        window.findChild<QDockWidget*>(u"transfersDock"_s)->show();
        const QSize withPanel = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(withPanel.height() <= 800,
                 qPrintable(u"%1×%2"_s.arg(withPanel.width()).arg(withPanel.height())));
    }

    // In the window as a person sees it, at the sizes people use, no chart cuts a label short:
    // the taxa chart of one sample and the composition of several (issue 15).
    void chartsAreWholeInTheWindow_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void chartsAreWholeInTheWindow()
    {
        QFETCH(QSize, size);
        auto s = settings(u"charts-%1"_s.arg(size.width()));
        SignedInWindow open(s.get(), *this);
        QVERIFY(open.show(size));
        MainWindow& window = open.window;
        QCOMPARE(window.size(), size);
        auto* view = window.findChild<QAbstractItemView*>(u"samplesView"_s);
        QTRY_VERIFY(view->model()->rowCount() >= 10);
        const QList<int> metagenomics = rowsOf(view, u"metagenomics"_s);
        QVERIFY(metagenomics.size() >= 3);
        window.workspace()->tabs()->setCurrentWidget(window.workspace()->abundanceView());
        const auto checkCharts = [&](const QString& where) {
            int shown = 0;
            for (QChartView* chart : window.findChildren<QChartView*>()) {
                if (!chart->isVisible() || chart->chart()->series().isEmpty())
                    continue;
                ++shown;
                for (QAbstractAxis* axis : chart->chart()->axes())
                    QVERIFY2(!axis->labelsTruncated(), qPrintable(where + u": "_s + chart->objectName()));
            }
            QVERIFY2(shown > 0, qPrintable(where));
        };
        clickRow(view, metagenomics[0]);
        auto* taxa = window.findChild<QChartView*>(u"taxonChart"_s);
        QTRY_VERIFY(taxa->isVisible() && !taxa->chart()->series().isEmpty());
        QTest::qWait(150); // the chart lays its labels out on the event loop's next passes
        checkCharts(u"taxa"_s);
        clickRow(view, metagenomics[1], Qt::ControlModifier);
        clickRow(view, metagenomics[2], Qt::ControlModifier);
        CompositionChart* composition = window.workspace()->abundanceView()->compositionPage()->chart();
        QTRY_VERIFY_WITH_TIMEOUT(composition->isVisible() && composition->sampleAxis()->count() == 3, 15000);
        QTest::qWait(150);
        checkCharts(u"composition"_s);
    }

    // Every widget a person can Tab to says what it is and what it does to a screen reader (its
    // accessible name and description), on every tab of a sample's results, with one sample and
    // with several selected.
    void everyInteractiveWidgetIsNamedAndDescribed()
    {
        auto s = settings(u"a11y"_s);
        SignedInWindow open(s.get(), *this);
        QVERIFY(open.show(QSize(1280, 800)));
        MainWindow& window = open.window;
        auto* view = window.findChild<QAbstractItemView*>(u"samplesView"_s);
        QTRY_VERIFY(view->model()->rowCount() >= 10);
        const QList<int> metagenomics = rowsOf(view, u"metagenomics"_s);
        QVERIFY(metagenomics.size() >= 2);
        QTabWidget* tabs = window.workspace()->tabs();
        auto* abundanceTabs = window.findChild<QTabWidget*>(u"abundanceTabs"_s);
        QStringList unnamed;
        const auto check = [&](const QString& where) {
            QTest::qWait(150); // pages load and lay out
            unnamed += bge::test::accessibilityGaps(&window, where);
        };
        clickRow(view, metagenomics[0]);
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            if (tabs->currentWidget() == window.workspace()->abundanceView()) {
                for (int a = 0; a < abundanceTabs->count(); ++a) {
                    abundanceTabs->setCurrentIndex(a);
                    check(tabs->tabText(t) + u'/' + abundanceTabs->tabText(a));
                }
            } else {
                check(tabs->tabText(t));
            }
        }
        // One genomics sample: the variant lookup and the models.
        const QList<int> genomics = rowsOf(view, u"genomics"_s);
        QVERIFY(genomics.size() >= 2);
        clickRow(view, genomics[0]);
        tabs->setCurrentWidget(window.workspace()->findChild<QWidget*>(u"variantsView"_s));
        check(u"variants"_s);
        tabs->setCurrentWidget(window.workspace()->findChild<QWidget*>(u"modelsView"_s));
        check(u"models"_s);
        // Several selected: the comparison views.
        clickRow(view, metagenomics[1], Qt::ControlModifier);
        tabs->setCurrentWidget(window.workspace()->abundanceView());
        check(u"composition"_s);
        clickRow(view, genomics[0]);
        clickRow(view, genomics[1], Qt::ControlModifier);
        tabs->setCurrentIndex(1);
        check(u"genotypes"_s);
        unnamed.removeDuplicates();
        for (const QString& p : unnamed)
            qWarning().noquote() << p;
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }

    // Tab, pressed as a key, walks each screen in reading order and reaches every widget on it:
    // the sample list's tools, filters, search and table, then the result tab bar and the
    // tab's own widgets (issue 15).
    void tabFollowsTheLayout()
    {
        auto s = settings(u"taborder"_s);
        SignedInWindow open(s.get(), *this);
        QVERIFY(open.show(QSize(1280, 800)));
        MainWindow& window = open.window;
        auto* view = window.findChild<QAbstractItemView*>(u"samplesView"_s);
        QTRY_VERIFY(view->model()->rowCount() >= 10);
        clickRow(view, rowsOf(view, u"metagenomics"_s).value(0));
        QTabWidget* tabs = window.workspace()->tabs();
        QStringList problems;
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QTest::qWait(200);
            Workspace* workspace = window.workspace();
            QWidget* start =
                bge::test::firstInReadingOrder(bge::test::tabReachableWidgets(workspace->samplesPanel()));
            const QList<QWidget*> chain = bge::test::tabChain(workspace, start);
            QStringList names;
            for (QWidget* w : chain)
                names.append(bge::test::describeWidget(w));
            qDebug().noquote() << tabs->tabText(t) << names.join(u" | "_s);
            for (const QString& b : bge::test::readingOrderBreaks(chain))
                problems.append(tabs->tabText(t) + u": "_s + b);
            for (const QString& m : bge::test::unreachedByTab(workspace, chain))
                problems.append(tabs->tabText(t) + u": not reached: "_s + m);
        }
        for (const QString& p : problems)
            qWarning().noquote() << p;
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Every menu command is reachable from the keyboard: a mnemonic or a shortcut, and the
    // shortcut is shown in the menu.
    void everyMenuCommandIsReachableByKeyboard()
    {
        auto s = settings(u"menus"_s);
        ConnectionMonitor monitor;
        MainWindow window(s.get(), &monitor);
        window.showWorkspace(&m_stack->api, demoUser(), sandboxProfile());
        QStringList unreachable;
        for (QAction* menuAction : window.menuBar()->actions()) {
            QMenu* menu = menuAction->menu();
            if (!menu)
                continue;
            if (!menuAction->text().contains(u'&'))
                unreachable.append(menuAction->text());
            for (QAction* a : menu->actions()) {
                if (a->isSeparator() || !a->isVisible())
                    continue;
                if (!a->text().contains(u'&') && a->shortcut().isEmpty())
                    unreachable.append(menu->title() + u" → "_s + a->text());
            }
        }
        QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(u", "_s)));
        // The commands this issue added, with their keys.
        QCOMPARE(window.exportChartAction()->shortcut(), QKeySequence(u"Ctrl+Shift+E"_s));
        QCOMPARE(window.workspace()->sampleListAction()->shortcut(), QKeySequence(u"F9"_s));
    }

    // F9 hides the sample list and gives its width to the results; the choice is remembered.
    void theSampleListHidesWithF9()
    {
        auto s = settings(u"samplelist"_s);
        {
            SignedInWindow open(s.get(), *this);
            QVERIFY(open.show(QSize(1280, 800)));
            MainWindow& window = open.window;
            QTabWidget* tabs = window.workspace()->tabs();
            const int before = tabs->width();
            QTest::keyClick(&window, Qt::Key_F9);
            QTRY_VERIFY(!window.workspace()->samplesPanel()->isVisible());
            QTRY_VERIFY(tabs->width() > before + 300);
            window.close();
        }
        SignedInWindow open(s.get(), *this);
        QVERIFY(open.show(QSize(1280, 800)));
        MainWindow& window = open.window;
        QVERIFY(!window.workspace()->samplesPanel()->isVisible());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F9);
        QTRY_VERIFY(window.workspace()->samplesPanel()->isVisible());
    }

    // The sample list narrows to its id column: the filters fold away with a click (and flow
    // onto more lines while shown), the splitter is dragged by mouse as far as it goes, and the
    // ids are still whole. The fold is remembered (issue 15).
    void theSampleListNarrowsToItsIdColumn()
    {
        auto s = settings(u"narrowlist"_s);
        ConnectionMonitor monitor;
        auto window = std::make_unique<MainWindow>(s.get(), &monitor);
        window->showWorkspace(&m_stack->api, demoUser(), sandboxProfile());
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        SamplesPanel* panel = window->workspace()->samplesPanel();
        QTableView* view = panel->view();
        QTRY_VERIFY(view->model()->rowCount() >= 10);
        const int idColumn = view->horizontalHeader()->logicalIndex(0);
        const int idWidth = view->columnWidth(idColumn);
        // What a table needs around its first column: frame, vertical scroll bar.
        const int chrome = 2 * view->frameWidth() + view->verticalScrollBar()->sizeHint().width();

        // Shown, the filters flow onto more lines: they ask for little more than one box.
        const int withFilters = panel->minimumSizeHint().width();
        qInfo("sample list's least width: %d px with the filters shown, id column %d px", withFilters,
              idWidth);
        QVERIFY2(withFilters <= idWidth + chrome + 60, qPrintable(QString::number(withFilters)));

        // Folded away with a click on the toolbar's Filters button.
        QAction* filters = panel->filtersAction();
        auto* toolbar = panel->findChild<QToolBar*>(u"samplesToolbar"_s);
        QWidget* button = toolbar->widgetForAction(filters);
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!filters->isChecked());
        QTRY_VERIFY(!panel->filterBar()->isVisible());

        // The splitter's handle dragged to the window's left edge.
        QSplitter* splitter = window->workspace()->splitter();
        QSplitterHandle* handle = splitter->handle(1);
        const QPoint grip = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        for (int x = grip.x(); x > -handle->mapTo(splitter, QPoint()).x(); x -= 40)
            QTest::mouseMove(handle, QPoint(x, grip.y()));
        QTest::mouseMove(handle, QPoint(-handle->mapTo(splitter, QPoint()).x(), grip.y()));
        QTest::mouseRelease(handle, Qt::LeftButton, {},
                            QPoint(-handle->mapTo(splitter, QPoint()).x(), grip.y()));
        QTRY_VERIFY(panel->width() < 400);
        qInfo("dragged to the left edge: the list is %d px wide", panel->width());
        QVERIFY2(panel->width() <= idWidth + chrome + 40, qPrintable(QString::number(panel->width())));
        // The ids whole.
        QVERIFY(view->columnViewportPosition(idColumn) + view->columnWidth(idColumn) <=
                view->viewport()->width());
        window->close();
        window.reset();

        // Next start: still folded; the View menu's command brings the filters back.
        MainWindow again(s.get(), &monitor);
        again.showWorkspace(&m_stack->api, demoUser(), sandboxProfile());
        again.resize(1280, 800);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        SamplesPanel* restored = again.workspace()->samplesPanel();
        QVERIFY(!restored->filtersAction()->isChecked());
        QVERIFY(!restored->filterBar()->isVisible());
        bool inViewMenu = false;
        for (QAction* menu : again.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(restored->filtersAction()))
                inViewMenu = true;
        }
        QVERIFY(inViewMenu);
        restored->filtersAction()->trigger();
        QTRY_VERIFY(restored->filterBar()->isVisible());
    }

    // File → Export Chart (Ctrl+Shift+E) saves the chart on screen; its context menu offers
    // PNG and SVG.
    void theChartShownIsExportedFromTheFileMenu()
    {
        auto s = settings(u"exportchart"_s);
        SignedInWindow open(s.get(), *this);
        QVERIFY(open.show(QSize(1280, 800)));
        MainWindow& window = open.window;
        // No chart on the details tab: a notice, no dialog.
        window.workspace()->tabs()->setCurrentIndex(0);
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window.statusBar()->currentMessage().contains(u"No chart"_s));

        auto* view = window.findChild<QAbstractItemView*>(u"samplesView"_s);
        QTRY_VERIFY(view->model()->rowCount() >= 10);
        clickRow(view, rowsOf(view, u"metagenomics"_s).value(0));
        window.workspace()->tabs()->setCurrentWidget(window.workspace()->abundanceView());
        auto* chart = window.findChild<QChartView*>(u"taxonChart"_s);
        QTRY_VERIFY(chart->isVisible() && !chart->chart()->series().isEmpty());
        QStringList menu;
        for (QAction* a : chart->actions())
            menu.append(a->objectName());
        QCOMPARE(menu, (QStringList{u"exportChartPngAction"_s, u"exportChartSvgAction"_s}));
        QCOMPARE(chart->contextMenuPolicy(), Qt::ActionsContextMenu);

        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QFileDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QFileDialog*>(u"exportChartDialog"_s)) && dialog->isVisible());
        const QString path = m_dir.filePath(u"taxa.png"_s);
        // In the folder chosen, the name typed into the dialog's name box and Enter, as a person does.
        dialog->setDirectory(m_dir.path());
        auto* name = dialog->findChild<QLineEdit*>(u"fileNameEdit"_s);
        QVERIFY(name);
        name->clear();
        QTest::keyClicks(name, u"taxa.png"_s);
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(QFile::exists(path));
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.dotsPerMeterX(), 11811); // 300 dpi
    }

    void geometryDockAndSplitterAreRemembered()
    {
        auto s = settings(u"geometry"_s);
        QList<int> sizes;
        QSize size(1000, 700);
        {
            SignedInWindow open(s.get(), *this);
            QVERIFY(open.show(size));
            MainWindow& window = open.window;
            auto* splitter = window.workspace()->splitter();
            splitter->setSizes({300, 600});
            sizes = splitter->sizes();
            window.workspace()->tabs()->setCurrentIndex(2);
            window.findChild<QDockWidget*>(u"transfersDock"_s)->hide();
            window.close();
        }
        QVERIFY(s->contains(u"mainwindow/geometry"_s));
        ConnectionMonitor monitor;
        MainWindow window(s.get(), &monitor);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), size);
        window.showWorkspace(&m_stack->api, demoUser(), sandboxProfile());
        QCOMPARE(window.workspace()->splitter()->sizes(), sizes);
        QCOMPARE(window.workspace()->tabs()->currentIndex(), 2);
        QVERIFY(!window.findChild<QDockWidget*>(u"transfersDock"_s)->isVisible());
    }

    void preferencesAreStored()
    {
        auto s = settings(u"preferences"_s);
        Preferences preferences(s.get());
        QCOMPARE(preferences.language(), QString()); // follows the system by default
        PreferencesDialog dialog(&preferences);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QComboBox* box = dialog.languageBox();
        QCOMPARE(box->count(), 3);
        box->setCurrentIndex(box->findData(u"zh_CN"_s));
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(preferences.language(), u"zh_CN"_s);
        QCOMPARE(Preferences(s.get()).language(), u"zh_CN"_s);

        // Cancel keeps what was stored; an unknown value falls back to the system.
        PreferencesDialog again(&preferences);
        again.open();
        QCOMPARE(again.languageBox()->currentData().toString(), u"zh_CN"_s);
        again.languageBox()->setCurrentIndex(again.languageBox()->findData(u"en"_s));
        again.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(preferences.language(), u"zh_CN"_s);
        s->setValue(u"ui/language"_s, u"tlh"_s);
        QCOMPARE(preferences.language(), QString());
    }

    void preferencesAndAboutOpenWithoutBlocking()
    {
        auto s = settings(u"dialogs"_s);
        ConnectionMonitor monitor;
        MainWindow window(s.get(), &monitor);
        window.setEndpoint(QUrl(m_sandbox.apiEndpoint()));
        window.show();
        window.preferencesAction()->trigger(); // returns at once: open(), not exec()
        QTRY_VERIFY(window.findChild<PreferencesDialog*>());
        window.aboutAction()->trigger();
        AboutDialog* about = nullptr;
        QTRY_VERIFY((about = window.findChild<AboutDialog*>()));
        QVERIFY(about->text().contains(QCoreApplication::applicationVersion()));
        QVERIFY(about->text().contains(QString::fromLatin1(qVersion())));
        QVERIFY(about->text().contains(m_sandbox.apiEndpoint()));
    }

    void connectionIndicatorFollowsThePlatform()
    {
        ConnectionMonitor monitor;
        ConnectionIndicator indicator(&monitor);
        QCOMPARE(monitor.state(), ConnectionMonitor::State::Idle);
        monitor.setConnecting();
        QCOMPARE(indicator.text(), u"Signing in…"_s);

        monitor.watch(&m_stack->api, &m_stack->network);
        QCOMPARE(monitor.state(), ConnectionMonitor::State::Online);
        QCOMPARE(indicator.text(), u"Online"_s);
        QVERIFY(indicator.accessibleName().contains(u"Online"_s));

        // Nobody listens there: the next check finds the platform offline, and says why.
        auto dead = std::make_unique<bge::test::ClientStack>(u"http://127.0.0.1:9"_s, u"x"_s, u"y"_s);
        dead->connection.setRetryPolicy(bge::RetryPolicy::none());
        monitor.watch(&dead->api, &dead->network);
        monitor.checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), ConnectionMonitor::State::Offline, 60000);
        QCOMPARE(indicator.text(), u"Offline"_s);
        QVERIFY(!monitor.problem().isEmpty());
        QVERIFY(indicator.toolTip().contains(monitor.problem()));

        // Back on the sandbox, the click on the indicator checks at once.
        monitor.watch(&m_stack->api, &m_stack->network);
        QCOMPARE(monitor.state(), ConnectionMonitor::State::Online);
        monitor.stop();
        QCOMPARE(monitor.state(), ConnectionMonitor::State::Idle);
        QCOMPARE(indicator.text(), u"Not signed in"_s);
    }

    void failingCallsTurnTheIndicatorOffline()
    {
        // A call made by a view, not the monitor's ping, is enough.
        auto dead = std::make_unique<bge::test::ClientStack>(u"http://127.0.0.1:9"_s, u"x"_s, u"y"_s);
        dead->connection.setRetryPolicy(bge::RetryPolicy::none());
        ConnectionMonitor monitor;
        monitor.setIntervals(std::chrono::hours(1), std::chrono::hours(1));
        monitor.watch(&dead->api, &dead->network);
        const auto result = bge::test::await(dead->api.ping());
        QVERIFY(!result.ok());
        QTRY_COMPARE(monitor.state(), ConnectionMonitor::State::Offline);
    }

    void iconsFollowThePalette()
    {
        const QStringList names{u"refresh"_s, u"upload"_s,         u"preferences"_s, u"about"_s,
                                u"account"_s, u"switch-profile"_s, u"sign-out"_s,    u"quit"_s,
                                u"online"_s,  u"offline"_s,        u"connecting"_s,  u"sandbox"_s,
                                u"server"_s};
        const QPalette original = QGuiApplication::palette();
        for (const QString& name : names) {
            const QIcon icon(new PaletteIconEngine(u":/icons/ui/%1.svg"_s.arg(name)));
            QPalette light = original;
            light.setColor(QPalette::WindowText, Qt::black);
            QGuiApplication::setPalette(light);
            const QImage onLight = icon.pixmap(QSize(16, 16), 2.0).toImage();
            QPalette dark = original;
            dark.setColor(QPalette::WindowText, Qt::white);
            QGuiApplication::setPalette(dark);
            const QImage onDark = icon.pixmap(QSize(16, 16), 2.0).toImage();
            QCOMPARE(onLight.size(), QSize(32, 32)); // drawn at the screen's density, not scaled up
            QVERIFY2(onLight != onDark, qPrintable(name));
            // Something was drawn, in the text colour.
            bool drawn = false;
            for (int y = 0; y < onDark.height() && !drawn; ++y) {
                for (int x = 0; x < onDark.width() && !drawn; ++x)
                    drawn = qAlpha(onDark.pixel(x, y)) > 200 && qRed(onDark.pixel(x, y)) > 200;
            }
            QVERIFY2(drawn, qPrintable(name));
        }
        QGuiApplication::setPalette(original);
        QVERIFY(!QIcon(u":/icons/app/bge-desktop.svg"_s).isNull());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
