#include "samplestestsupport.h"
#include "tcpgate.h"

#include "common/errorbanner.h"
#include "common/jsontreemodel.h"
#include "samples/codechoicebutton.h"
#include "samples/fieldform.h"
#include "samples/improvesampledialog.h"
#include "samples/registersampledialog.h"
#include "samples/sampledetailview.h"
#include "samples/samplefilesmodel.h"
#include "samples/samplefilterbar.h"
#include "samples/samplespanel.h"
#include "samples/sampletablemodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;

using namespace Qt::StringLiterals;

namespace {

QString uniqueExternalId(const QString& prefix)
{
    return prefix + QString::number(QRandomGenerator::global()->generate() % 100000000);
}

ErrorBanner* bannerOf(QWidget* owner)
{
    // The owner's own banner, not one of a dialog it opened.
    return owner->findChild<ErrorBanner*>(QString(), Qt::FindDirectChildrenOnly);
}

QSet<QString> idSet(const QStringList& ids)
{
    return {ids.cbegin(), ids.cend()};
}

QLabel* fieldLabel(QWidget* view, const QString& key)
{
    return view->findChild<QLabel*>(u"field_"_s + key);
}

void clickOk(QDialog* dialog, const QString& buttonName)
{
    auto* button = dialog->findChild<QPushButton*>(buttonName);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

// The sample browser as a user drives it, against a real sandbox signed in as zhanglei3.
class TestSamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"BGE-tests"_s);
        QCoreApplication::setApplicationName(u"tst_samples"_s);
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_stack = signedInStack(m_sandbox, m_sandbox.apiEndpoint(), kSampleUser);
        QVERIFY(m_stack);
        m_genomic = m_sandbox.user(0).value(u"samples").toObject().value(u"genomics").toString();
        QVERIFY(!m_genomic.isEmpty());
    }

    void init()
    {
        QSettings().clear(); // each test starts with no remembered filters or header
    }

    void browseWithLazyPaging()
    {
        const QList<Sample> all = allSamples(m_stack->api, {});
        auto panel = makePanel(6);
        QVERIFY(panel);
        SampleTableModel* model = panel->model();
        // The view filled its viewport, no more: the rest waits for scrolling.
        QVERIFY(model->rowCount() < all.size());
        QVERIFY(panel->statusText().contains(QString::number(all.size())));
        for (int guard = 0; guard < 100 && model->rowCount() < all.size(); ++guard) {
            const int before = model->rowCount();
            // The view fetches when the end of the list comes into sight: by scrolling, or by
            // its own check that the viewport is not yet full.
            panel->view()->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > before, kWaitMs);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWaitMs);
        QCOMPARE(idsOf(*model), idsOf(all));
        QList<qint64> pages = model->requestedPages();
        QCOMPARE(QSet<qint64>(pages.cbegin(), pages.cend()).size(), pages.size()); // none twice
        QVERIFY(panel->statusText().startsWith(u"%1 of %1 sample"_s.arg(all.size())));
    }

    void everyServerFilterMatchesTheApi()
    {
        const QList<Sample> all = allSamples(m_stack->api, {});
        QVERIFY(all.size() > 3);
        const Sample& first = all.first();
        const Sample& last = all.last();

        struct Case
        {
            const char* name;
            SampleFilters filters;
            std::function<bool(const Sample&)> expected;
        };
        const auto in = [](const QList<int>& codes) {
            return [codes](int code) { return codes.contains(code); };
        };
        QList<Case> cases;
        cases.append({"site blood", {}, [](const Sample& s) { return s.site.code == 11; }});
        cases.last().filters.sites = {11};
        cases.append({"sites feces and saliva", {}, [in](const Sample& s) {
                          return in({1, 2})(s.site.code);
                      }});
        cases.last().filters.sites = {1, 2};
        cases.append({"omics metagenomics", {}, [](const Sample& s) { return s.omic.code == 2; }});
        cases.last().filters.omics = {2};
        cases.append({"organisms mouse and rat", {}, [in](const Sample& s) {
                          return in({2, 3})(s.organism.code);
                      }});
        cases.last().filters.organisms = {2, 3};
        cases.append({"status registered", {}, [](const Sample& s) { return s.status.code == 1001; }});
        cases.last().filters.statuses = {1001};
        cases.append({"statuses in analysis or failed", {}, [in](const Sample& s) {
                          return in({4001, 5001})(s.status.code);
                      }});
        cases.last().filters.statuses = {4001, 5001};
        cases.append({"no data yet", {}, [](const Sample& s) { return s.dataAvailability == false; }});
        cases.last().filters.dataAvailability = false;
        cases.append({"project", {}, [&first](const Sample& s) {
                          return s.projectIds().contains(first.projects.value(0).projectId);
                      }});
        cases.last().filters.projectIds = {first.projects.value(0).projectId};
        cases.append({"biosample ids typed in lower case", {}, [&first, &last](const Sample& s) {
                          return s.biosampleId == first.biosampleId || s.biosampleId == last.biosampleId;
                      }});
        cases.last().filters.ids = {first.biosampleId.toLower(), last.biosampleId};
        cases.append({"external ids", {}, [&first, &last](const Sample& s) {
                          return s.externalSampleId == first.externalSampleId ||
                                 s.externalSampleId == last.externalSampleId;
                      }});
        cases.last().filters.ids = {first.externalSampleId, last.externalSampleId};
        // External ids are the project's own: the platform maps them within the projects named.
        cases.last().filters.projectIds = {first.projects.value(0).projectId,
                                           last.projects.value(0).projectId};
        cases.append({"a biosample id and an external id", {}, [&first, &last](const Sample& s) {
                          return (s.biosampleId == first.biosampleId ||
                                  s.externalSampleId == last.externalSampleId) &&
                                 s.projectIds().contains(last.projects.value(0).projectId);
                      }});
        cases.last().filters.ids = {first.biosampleId, last.externalSampleId};
        cases.last().filters.projectIds = {last.projects.value(0).projectId};
        cases.append({"human feces with data", {}, [](const Sample& s) {
                          return s.site.code == 1 && s.organism.code == 1 && s.dataAvailability == true;
                      }});
        cases.last().filters.sites = {1};
        cases.last().filters.organisms = {1};
        cases.last().filters.dataAvailability = true;

        auto panel = makePanel(20);
        QVERIFY(panel);
        for (const Case& c : cases) {
            panel->setFilters(c.filters);
            QVERIFY2(QTest::qWaitFor([&panel] { return !panel->isLoading(); }, kWaitMs), c.name);
            QVERIFY2(loadToTheEnd(*panel->model()), c.name);
            QStringList expected;
            for (const Sample& s : all) {
                if (c.expected(s))
                    expected.append(s.biosampleId);
            }
            QVERIFY2(!expected.isEmpty(), c.name); // a filter that matches nothing proves little
            QVERIFY2(expected.size() < all.size(), c.name);
            QCOMPARE(idSet(idsOf(*panel->model())), idSet(expected));
            // And the platform itself agrees, asked directly with the same query.
            if (c.filters.externalIds().isEmpty())
                QCOMPARE(idsOf(*panel->model()), idsOf(allSamples(m_stack->api, c.filters.query())));
        }
    }

    void filtersFromTheBarItself()
    {
        auto panel = makePanel(100);
        QVERIFY(panel);
        // The site menu: check "blood".
        auto* sites = panel->filterBar()->findChild<CodeChoiceButton*>(u"siteFilter"_s);
        QVERIFY(sites);
        QAction* blood = sites->menu()->findChild<QAction*>(u"code11"_s);
        QVERIFY(blood);
        blood->trigger();
        QVERIFY(sites->text().contains(u"blood"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            !panel->model()->isLoading() && panel->model()->query().sites == QList<int>{11}, kWaitMs);
        QVERIFY(panel->model()->rowCount() > 0);
        for (int row = 0; row < panel->model()->rowCount(); ++row)
            QCOMPARE(panel->model()->sampleAt(row).site.display, u"blood"_s);

        // The ids box: typed, then Enter.
        auto* ids = panel->filterBar()->findChild<QLineEdit*>(u"idFilter"_s);
        QVERIFY(ids);
        ids->setFocus();
        QTest::keyClicks(ids, m_genomic);
        QTest::keyClick(ids, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->isLoading() && panel->model()->rowCount() == 1, kWaitMs);
        QCOMPARE(panel->model()->sampleAt(0).biosampleId, m_genomic);
        const QString project = panel->model()->sampleAt(0).projects.value(0).projectId;
        QVERIFY(!project.isEmpty());

        // An external id nobody has: an empty table that says why, and no list request at all.
        ids->clear();
        QTest::keyClicks(ids, u"NO-SUCH-KIT-1"_s);
        QTest::keyClick(ids, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().contains(u"NO-SUCH-KIT-1"_s), kWaitMs);
        QVERIFY(panel->statusText().contains(u"Project ids"_s)); // without a project, where to add one
        QCOMPARE(panel->model()->rowCount(), 0);
        QVERIFY(panel->model()->requestedPages().isEmpty());
        // With the project named, the platform is asked and finds nothing: said as such.
        auto* projects = panel->filterBar()->findChild<QLineEdit*>(u"projectFilter"_s);
        QVERIFY(projects);
        projects->setFocus();
        QTest::keyClicks(projects, project);
        QTest::keyClick(projects, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->statusText().contains(u"No sample has the external id(s) NO-SUCH-KIT-1"_s), kWaitMs);
        QCOMPARE(panel->model()->rowCount(), 0);
        QVERIFY(panel->model()->requestedPages().isEmpty());

        // Clear filters: everything again.
        QTest::mouseClick(panel->filterBar()->findChild<QPushButton*>(u"clearFilters"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->isLoading() && panel->model()->rowCount() > 1, kWaitMs);
        QVERIFY(panel->filters().isEmpty());
    }

    void quickSearchLooksThroughLoadedRowsOnly()
    {
        auto panel = makePanel(100);
        QVERIFY(panel);
        QVERIFY(loadToTheEnd(*panel->model()));
        SampleTableModel* model = panel->model();
        const QList<qint64> pagesBefore = model->requestedPages();
        auto* search = panel->findChild<QLineEdit*>(u"quickSearch"_s);
        QVERIFY(search);

        const Sample target = model->sampleAt(model->rowCount() / 2);
        QTest::keyClicks(search, target.externalSampleId.toLower()); // case does not matter
        QCOMPARE(panel->proxy()->rowCount(), 1);
        QCOMPARE(panel->proxy()->index(0, 0).data(SampleTableModel::BiosampleIdRole).toString(),
                 target.biosampleId);

        // A word from any column: as many rows as show it somewhere.
        search->clear();
        QTest::keyClicks(search, u"FECES"_s);
        int expected = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < SampleTableModel::ColumnCount; ++column) {
                if (model->index(row, column).data().toString().contains(u"feces"_s, Qt::CaseInsensitive)) {
                    ++expected;
                    break;
                }
            }
        }
        QVERIFY(expected > 0 && expected < model->rowCount());
        QCOMPARE(panel->proxy()->rowCount(), expected);
        QVERIFY(panel->statusText().contains(QString::number(expected)));
        QCOMPARE(model->requestedPages(), pagesBefore); // nothing asked of the server
        search->clear();
        QCOMPARE(panel->proxy()->rowCount(), model->rowCount());
    }

    // The quick search keeps filtering the pages that arrive after it was typed, and the
    // model's per-row search text matches what the cells show (issue 16: the proxy reads it
    // instead of formatting every cell on every key).
    void quickSearchFiltersPagesThatArriveLater()
    {
        auto panel = makePanel(20);
        QVERIFY(panel);
        SampleTableModel* model = panel->model();
        QVERIFY(QTest::qWaitFor([&] { return model->rowCount() > 0 && !model->isLoading(); }, kWaitMs));
        auto* search = panel->findChild<QLineEdit*>(u"quickSearch"_s);
        QTest::keyClicks(search, u"Feces"_s);
        QVERIFY(loadToTheEnd(*model));
        QVERIFY(model->rowCount() > 20);
        int expected = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            bool shown = false;
            for (int column = 0; column < SampleTableModel::ColumnCount; ++column)
                shown = shown ||
                        model->index(row, column).data().toString().contains(u"feces"_s, Qt::CaseInsensitive);
            QCOMPARE(model->searchText(row).contains(u"feces"_s), shown);
            expected += shown ? 1 : 0;
        }
        QVERIFY(expected > 0 && expected < model->rowCount());
        QCOMPARE(panel->proxy()->rowCount(), expected);
    }

    void sortingByClickingTheHeader()
    {
        auto panel = makePanel(100);
        QVERIFY(panel);
        QHeaderView* header = panel->view()->horizontalHeader();
        const auto clickHeader = [header](int section) {
            const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                            header->height() / 2);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        };
        const auto codes = [&panel] {
            QList<int> list;
            for (int row = 0; row < panel->proxy()->rowCount(); ++row)
                list.append(panel->proxy()
                                ->index(row, SampleTableModel::Status)
                                .data(SampleTableModel::SortRole)
                                .toInt());
            return list;
        };
        clickHeader(SampleTableModel::Status);
        QCOMPARE(header->sortIndicatorSection(), int(SampleTableModel::Status));
        QList<int> ascending = codes();
        QVERIFY(std::is_sorted(ascending.cbegin(), ascending.cend()));
        QVERIFY(ascending.first() < ascending.last());
        clickHeader(SampleTableModel::Status);
        QList<int> descending = codes();
        QVERIFY(std::is_sorted(descending.crbegin(), descending.crend()));

        clickHeader(SampleTableModel::Collected);
        for (int row = 1; row < panel->proxy()->rowCount(); ++row) {
            const QDateTime a = panel->proxy()
                                    ->index(row - 1, SampleTableModel::Collected)
                                    .data(SampleTableModel::SortRole)
                                    .toDateTime();
            const QDateTime b = panel->proxy()
                                    ->index(row, SampleTableModel::Collected)
                                    .data(SampleTableModel::SortRole)
                                    .toDateTime();
            QVERIFY(!a.isValid() || a <= b);
        }
    }

    // Click, Ctrl+click, Shift+click and the keyboard, as a person selects several samples to
    // compare: the panel says which are selected, in the table's order, once per change.
    void severalSamplesAreSelectedByMouseAndKeyboard()
    {
        auto panel = makePanel(20);
        QVERIFY(panel);
        QTableView* view = panel->view();
        QSignalSpy selected(panel.get(), &SamplesPanel::selectedSamplesChanged);
        const auto clickRow = [view](int row, Qt::KeyboardModifiers modifiers = {}) {
            const QRect cell = view->visualRect(view->model()->index(row, 0));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, cell.center());
        };
        const auto idAt = [panel = panel.get()](int row) {
            return panel->proxy()->index(row, 0).data().toString();
        };
        const auto ids = [](const QList<Sample>& samples) {
            QStringList list;
            for (const Sample& s : samples)
                list.append(s.biosampleId);
            return list;
        };
        clickRow(2);
        QCOMPARE(ids(panel->selectedSamples()), QStringList{idAt(2)});
        QCOMPARE(panel->currentSample().biosampleId, idAt(2));
        clickRow(5, Qt::ControlModifier);
        clickRow(0, Qt::ControlModifier);
        QCOMPARE(ids(panel->selectedSamples()), (QStringList{idAt(0), idAt(2), idAt(5)}));
        QCOMPARE(panel->currentSample().biosampleId, idAt(0)); // the views show the last clicked
        QCOMPARE(ids(selected.last().first().value<QList<Sample>>()),
                 (QStringList{idAt(0), idAt(2), idAt(5)}));
        // Ctrl+click again takes one out.
        clickRow(2, Qt::ControlModifier);
        QCOMPARE(ids(panel->selectedSamples()), (QStringList{idAt(0), idAt(5)}));
        // Shift+click: the range from the anchor.
        clickRow(3);
        clickRow(6, Qt::ShiftModifier);
        QCOMPARE(ids(panel->selectedSamples()), (QStringList{idAt(3), idAt(4), idAt(5), idAt(6)}));
        // Shift+Down from the keyboard grows it; a plain click makes it one again.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(panel->selectedSamples().size(), 5);
        const qsizetype signals = selected.size();
        // Sorting moves rows, it does not change the selection: no signal.
        view->sortByColumn(0, Qt::DescendingOrder);
        QCOMPARE(selected.size(), signals);
        QCOMPARE(panel->selectedSamples().size(), 5);
        clickRow(1);
        QCOMPARE(panel->selectedSamples().size(), 1);
        QCOMPARE(selected.size(), signals + 1);
    }

    void columnsAndHeaderAreRemembered()
    {
        auto panel = makePanel(100);
        QVERIFY(panel);
        QHeaderView* header = panel->view()->horizontalHeader();
        auto* menu = panel->findChild<QMenu*>(u"columnMenu"_s);
        QVERIFY(menu);

        // The header's context menu hides a column.
        Q_EMIT header->customContextMenuRequested(QPoint(5, 5));
        QTRY_VERIFY(menu->isVisible());
        QAction* external = menu->findChild<QAction*>(u"column%1"_s.arg(SampleTableModel::ExternalId));
        QVERIFY(external && external->isChecked());
        external->trigger();
        menu->close();
        QVERIFY(header->isSectionHidden(SampleTableModel::ExternalId));

        // The last visible column cannot go.
        for (int c = 0; c < SampleTableModel::ColumnCount; ++c)
            header->setSectionHidden(c, c != SampleTableModel::BiosampleId);
        menu->popup(QPoint(0, 0));
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(!menu->findChild<QAction*>(u"column%1"_s.arg(SampleTableModel::BiosampleId))->isEnabled());
        menu->findChild<QAction*>(u"showAllColumns"_s)->trigger();
        menu->close();
        QCOMPARE(header->hiddenSectionCount(), 0);

        header->setSectionHidden(SampleTableModel::ExternalId, true);
        header->setSectionHidden(SampleTableModel::Primary, true);
        header->moveSection(header->visualIndex(SampleTableModel::Status), 0);
        header->resizeSection(SampleTableModel::BiosampleId, 222);
        header->setSortIndicator(SampleTableModel::Site, Qt::DescendingOrder);
        SampleFilters filters;
        filters.sites = {1};
        filters.dataAvailability = true;
        panel->setFilters(filters);
        panel.reset(); // closing the panel keeps all of it

        auto again = makePanel(100);
        QVERIFY(again);
        QHeaderView* restored = again->view()->horizontalHeader();
        QVERIFY(restored->isSectionHidden(SampleTableModel::ExternalId));
        QVERIFY(restored->isSectionHidden(SampleTableModel::Primary));
        QVERIFY(!restored->isSectionHidden(SampleTableModel::Site));
        QCOMPARE(restored->visualIndex(SampleTableModel::Status), 0);
        QCOMPARE(restored->sectionSize(SampleTableModel::BiosampleId), 222);
        QCOMPARE(restored->sortIndicatorSection(), int(SampleTableModel::Site));
        QCOMPARE(restored->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(again->proxy()->sortColumn(), int(SampleTableModel::Site)); // and sorted so
        QCOMPARE(again->filterBar()->filters(), filters);
        QCOMPARE(again->model()->query().sites, QList<int>{1});
        QCOMPARE(again->model()->query().dataAvailability, std::optional<bool>(true));
    }

    void detailPaneShowsFieldsJsonAndFiles()
    {
        const Result<Sample> truth = await(m_stack->api.sample(m_genomic, true));
        BGE_VERIFY_OK(truth);
        QVERIFY(!truth->files.isEmpty());

        auto panel = makePanel(100);
        QVERIFY(panel);
        SampleDetailView detail(&m_stack->api);
        connect(panel.get(), &SamplesPanel::currentSampleChanged, &detail, &SampleDetailView::setSample);
        QSignalSpy downloads(&detail, &SampleDetailView::downloadRequested);
        auto* filesView = detail.findChild<QTableView*>(u"filesView"_s);
        auto* jsonView = detail.findChild<QTreeView*>(u"jsonView"_s);
        QVERIFY(filesView && jsonView);
        QAbstractItemModelTester filesTester(filesView->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester jsonTester(jsonView->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.resize(700, 800);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        QVERIFY(detail.findChild<QLabel*>(u"noSampleLabel"_s)->isVisible());

        const int row = panel->model()->rowOf(m_genomic);
        QVERIFY(row >= 0);
        panel->view()->setCurrentIndex(panel->proxy()->mapFromSource(panel->model()->index(row, 0)));
        QCOMPARE(detail.sample().biosampleId, m_genomic);
        QVERIFY(detail.isLoading()); // what the list had shows at once; the rest is on its way
        QVERIFY(detail.findChild<QLabel*>(u"loadingLabel"_s)->isVisible());
        QCOMPARE(fieldLabel(&detail, u"biosample_id"_s)->text(), m_genomic);
        QTRY_VERIFY_WITH_TIMEOUT(!detail.isLoading() && detail.sample().filesRequested, kWaitMs);
        QVERIFY(!detail.findChild<QLabel*>(u"loadingLabel"_s)->isVisible());

        // Fields, grouped, with the platform's display names.
        QCOMPARE(fieldLabel(&detail, u"external_sample_id"_s)->text(), truth->externalSampleId);
        QCOMPARE(fieldLabel(&detail, u"organism"_s)->text(), u"human (1)"_s);
        QCOMPARE(fieldLabel(&detail, u"biosample_site"_s)->text(), u"blood (11)"_s);
        QCOMPARE(fieldLabel(&detail, u"omic"_s)->text(), u"genomics (1)"_s);
        QCOMPARE(fieldLabel(&detail, u"status"_s)->text(),
                 u"%1 (%2)"_s.arg(truth->status.display).arg(truth->status.code));
        QVERIFY(fieldLabel(&detail, u"project_"_s + truth->projects.value(0).projectId)
                    ->text()
                    .contains(truth->projects.value(0).projectName));
        QVERIFY(!fieldLabel(&detail, u"read_type"_s)->text().isEmpty());
        QVERIFY(fieldLabel(&detail, u"depth"_s)->isEnabled()); // a genomics sample has a depth
        QVERIFY(!fieldLabel(&detail, u"update_time"_s)->text().isEmpty());
        for (const char* group : {"identityGroup", "biologyGroup", "projectsGroup", "libraryGroup",
                                  "sequencingGroup", "statisticsGroup", "statusGroup", "timesGroup"})
            QVERIFY2(detail.findChild<QWidget*>(QLatin1StringView(group)), group);

        // The raw JSON, as a tree.
        QAbstractItemModel* json = jsonView->model();
        QStringList keys;
        for (int r = 0; r < json->rowCount(); ++r)
            keys.append(json->index(r, JsonTreeModel::Key).data().toString());
        QVERIFY(keys.contains(u"biosample_id"_s) && keys.contains(u"files"_s) &&
                keys.contains(u"statistics"_s));
        const QModelIndex files = json->index(int(keys.indexOf(u"files"_s)), 0);
        QCOMPARE(json->rowCount(files), truth->files.size());

        // The files, and Download hands the object on.
        QAbstractItemModel* list = filesView->model();
        QCOMPARE(list->rowCount(), truth->files.size());
        const SampleFile& wanted = truth->files.last();
        int wantedRow = -1;
        for (int r = 0; r < list->rowCount(); ++r) {
            if (list->index(r, 0).data(SampleFilesModel::ObjectNameRole).toString() == wanted.objectName)
                wantedRow = r;
        }
        QVERIFY(wantedRow >= 0);
        QVERIFY(!list->index(wantedRow, SampleFilesModel::Size).data().toString().isEmpty());
        filesView->selectRow(wantedRow);
        QTest::mouseClick(detail.findChild<QPushButton*>(u"downloadButton"_s), Qt::LeftButton);
        QCOMPARE(downloads.count(), 1);
        QCOMPARE(downloads.first().at(0).toString(), wanted.objectName);
        QCOMPARE(downloads.first().at(1).toString(), SampleFilesModel::suggestedFileName(wanted));
        filesView->setFocus();
        QTest::keyClick(filesView, Qt::Key_Return); // the keyboard way
        QCOMPARE(downloads.count(), 2);

        // Choosing no sample empties the pane.
        detail.setSample({});
        QVERIFY(detail.findChild<QLabel*>(u"noSampleLabel"_s)->isVisible());
        QCOMPARE(json->rowCount(), 0);
    }

    void registerASample()
    {
        auto panel = makePanel(100);
        QVERIFY(panel);
        const qint64 before = *panel->model()->total();
        panel->registerSampleAction()->trigger();
        QPointer<RegisterSampleDialog> dialog = panel->findChild<RegisterSampleDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal());
        FieldForm* form = dialog->form();

        // Nothing filled in: every required field says so, nothing is sent.
        clickOk(dialog, u"registerButton"_s);
        QVERIFY(!form->problem(u"external_sample_id"_s).isEmpty());
        QVERIFY(!form->problem(u"biosample_site"_s).isEmpty());
        QVERIFY(!form->problem(u"project_id"_s).isEmpty());
        QVERIFY(form->problem(u"library_strategy"_s).isEmpty());
        QVERIFY(dialog->isVisible());

        const QString externalId = uniqueExternalId(u"GUI-"_s);
        QTest::keyClicks(form->editor(u"external_sample_id"_s), externalId);
        auto* site = qobject_cast<QComboBox*>(form->editor(u"biosample_site"_s));
        site->setCurrentIndex(site->findData(11));
        auto* project = qobject_cast<QComboBox*>(form->editor(u"project_id"_s));
        QVERIFY(project->count() > 0); // the projects of the loaded samples are offered
        QTest::keyClicks(project->lineEdit(), u"project 7"_s);
        clickOk(dialog, u"registerButton"_s);
        QVERIFY(form->problem(u"external_sample_id"_s).isEmpty());
        QVERIFY(form->problem(u"biosample_site"_s).isEmpty());
        QVERIFY(form->problem(u"project_id"_s).contains(u"P-W"_s));
        QCOMPARE(allSamples(m_stack->api, {}).size(), before); // still nothing registered

        project->setCurrentIndex(0);
        const QString projectId = project->currentData().toString();
        auto* strategy = qobject_cast<QComboBox*>(form->editor(u"library_strategy"_s));
        strategy->setCurrentIndex(strategy->findData(u"WGS"_s));
        QCOMPARE(dialog->registration().projectId, projectId);
        clickOk(dialog, u"registerButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kWaitMs); // accepted and gone

        // On the platform...
        const Result<QList<ExternalIdMapping>> found =
            await(m_stack->api.externals({{externalId}, 11, projectId}));
        BGE_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        const QString id = found->first().biosampleId;
        const Result<Sample> created = await(m_stack->api.sample(id));
        BGE_VERIFY_OK(created);
        QCOMPARE(created->site.code, 11);
        QCOMPARE(improvableFieldValue(created.value(), u"library_strategy"),
                 std::optional<QString>(u"WGS"_s));
        // ...and in the list, selected.
        QTRY_COMPARE_WITH_TIMEOUT(panel->currentSample().biosampleId, id, kWaitMs);
        QCOMPARE(*panel->model()->total(), before + 1);

        // Registering the same external id again is refused by the platform, shown under the field.
        panel->registerSampleAction()->trigger();
        dialog = panel->findChild<RegisterSampleDialog*>();
        QVERIFY(dialog);
        form = dialog->form();
        QTest::keyClicks(form->editor(u"external_sample_id"_s), externalId);
        site = qobject_cast<QComboBox*>(form->editor(u"biosample_site"_s));
        site->setCurrentIndex(site->findData(11));
        project = qobject_cast<QComboBox*>(form->editor(u"project_id"_s));
        project->setCurrentIndex(project->findData(projectId));
        clickOk(dialog, u"registerButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!form->problem(u"external_sample_id"_s).isEmpty(), kWaitMs);
        QVERIFY(bannerOf(dialog)->isVisible());
        QVERIFY(bannerOf(dialog)->text().contains(u"41001"_s));
        dialog->reject();
    }

    void improveOnlyEmptyFields()
    {
        // A fresh sample whose strategy is set and the rest empty.
        SampleRegistration r;
        r.externalSampleId = uniqueExternalId(u"IMPROVE-"_s);
        r.site = 1;
        r.projectId = allSamples(m_stack->api, {}).first().projects.value(0).projectId;
        r.extraFields = {{u"library_strategy"_s, u"WGS"_s}};
        const Result<QString> registered = await(m_stack->api.registerSample(r));
        BGE_VERIFY_OK(registered);
        const QString id = registered.value();

        auto panel = makePanel(100);
        QVERIFY(panel);
        QSignalSpy current(panel.get(), &SamplesPanel::currentSampleChanged);
        SampleFilters only;
        only.ids = {id};
        panel->setFilters(only);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->isLoading() && panel->model()->rowCount() == 1, kWaitMs);
        QVERIFY(!panel->improveSampleAction()->isEnabled()); // nothing selected yet
        panel->view()->selectRow(0);
        QVERIFY(panel->improveSampleAction()->isEnabled());

        panel->improveSampleAction()->trigger();
        QPointer<ImproveSampleDialog> dialog = panel->findChild<ImproveSampleDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), kWaitMs);
        FieldForm* form = dialog->form();
        auto* strategy = qobject_cast<QLineEdit*>(form->editor(u"library_strategy"_s));
        QVERIFY(strategy && strategy->isReadOnly());
        QCOMPARE(strategy->text(), u"WGS"_s);
        QVERIFY(form->findChild<QLabel*>(u"library_strategyNote"_s)->text().contains(u"Already set"_s));
        for (const char* empty : {"library_id", "library_source", "library_selection", "library_layout"}) {
            QWidget* editor = form->editor(QLatin1StringView(empty));
            QVERIFY2(editor && editor->isEnabled(), empty);
            QVERIFY2(!qobject_cast<QLineEdit*>(editor) || !qobject_cast<QLineEdit*>(editor)->isReadOnly(),
                     empty);
        }

        // Nothing filled in: refused locally.
        clickOk(dialog, u"saveButton"_s);
        QVERIFY(bannerOf(dialog)->isVisible());
        QVERIFY(dialog->isVisible());

        // Someone sets the layout meanwhile: the platform refuses ours, and says where.
        BGE_VERIFY_OK(await(m_stack->api.improveSample(id, {{u"library_layout"_s, u"PAIRED"_s}})));
        auto* layout = qobject_cast<QComboBox*>(form->editor(u"library_layout"_s));
        layout->setCurrentIndex(layout->findData(u"SINGLE"_s));
        auto* source = qobject_cast<QComboBox*>(form->editor(u"library_source"_s));
        source->setCurrentIndex(source->findData(u"GENOMIC"_s));
        QTest::keyClicks(form->editor(u"library_id"_s), u"LIB-42"_s);
        clickOk(dialog, u"saveButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!form->problem(u"library_layout"_s).isEmpty(), kWaitMs);
        QVERIFY(bannerOf(dialog)->text().contains(u"41001"_s));

        layout->setCurrentIndex(0); // leave it
        clickOk(dialog, u"saveButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kWaitMs);

        const Result<Sample> after = await(m_stack->api.sample(id));
        BGE_VERIFY_OK(after);
        QCOMPARE(improvableFieldValue(after.value(), u"library_source"),
                 std::optional<QString>(u"GENOMIC"_s));
        QCOMPARE(improvableFieldValue(after.value(), u"library_id"), std::optional<QString>(u"LIB-42"_s));
        QCOMPARE(improvableFieldValue(after.value(), u"library_layout"), std::optional<QString>(u"PAIRED"_s));
        QCOMPARE(improvableFieldValue(after.value(), u"library_strategy"), std::optional<QString>(u"WGS"_s));
        // The panel passes the improved sample on (to the detail pane).
        QTRY_VERIFY_WITH_TIMEOUT(
            !current.isEmpty() && improvableFieldValue(current.last().first().value<Sample>(),
                                                       u"library_id") == std::optional<QString>(u"LIB-42"_s),
            kWaitMs);

        // Opened again: only the selection is left to fill in.
        panel->improveSampleAction()->trigger();
        dialog = panel->findChild<ImproveSampleDialog*>();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), kWaitMs);
        for (const char* set : {"library_id", "library_strategy", "library_source", "library_layout"})
            QVERIFY2(qobject_cast<QLineEdit*>(dialog->form()->editor(QLatin1StringView(set)))->isReadOnly(),
                     set);
        QVERIFY(qobject_cast<QComboBox*>(dialog->form()->editor(u"library_selection"_s)));
        dialog->reject();
    }

    void refusalsShowInTheBanner()
    {
        // Signed in without sample.default:read: the platform refuses the list (401).
        auto narrow = signedInStack(m_sandbox, m_sandbox.apiEndpoint(), kSampleUser, {u"profile.default"_s});
        QVERIFY(narrow);
        SamplesPanel panel(&narrow->api);
        panel.show();
        ErrorBanner* banner = bannerOf(&panel);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kWaitMs);
        QVERIFY2(banner->text().contains(u"401"_s), qPrintable(banner->text()));
        QVERIFY(!banner->canRetry()); // asking again would be refused again

        // Registering without sample.default:write, in the dialog.
        auto viewer = std::make_unique<ClientStack>(
            m_sandbox.apiEndpoint(), u"bge-viewer-demo"_s,
            m_sandbox.clientById(u"bge-viewer-demo"_s).value(u"client_secret").toString());
        const Result<TokenGrant> grant = signIn(*viewer, m_sandbox, kSampleUser);
        BGE_VERIFY_OK(grant);
        viewer->session.setGrant(grant.value());
        RegisterSampleDialog dialog(&viewer->api, {});
        dialog.open();
        QTest::keyClicks(dialog.form()->editor(u"external_sample_id"_s), u"VIEWER-1"_s);
        auto* site = qobject_cast<QComboBox*>(dialog.form()->editor(u"biosample_site"_s));
        site->setCurrentIndex(site->findData(1));
        QTest::keyClicks(qobject_cast<QComboBox*>(dialog.form()->editor(u"project_id"_s))->lineEdit(),
                         allSamples(m_stack->api, {}).first().projects.value(0).projectId);
        clickOk(&dialog, u"registerButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(bannerOf(&dialog)->isVisible(), kWaitMs);
        QVERIFY(bannerOf(&dialog)->text().contains(u"401"_s));
        QVERIFY(dialog.isVisible());
    }

    void networkFailuresOfferRetry()
    {
        TcpGate gate(QUrl(m_sandbox.apiEndpoint()));
        QVERIFY(gate.listen());
        auto stack = signedInStack(m_sandbox, gate.url().toString(), kSampleUser);
        QVERIFY(stack);
        stack->connection.setRetryPolicy(RetryPolicy::none());

        SamplesPanel panel(&stack->api);
        panel.model()->setPageSize(8);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.refreshAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.model()->isLoading() && panel.model()->rowCount() >= 8, kWaitMs);
        const int loaded = panel.model()->rowCount();

        gate.setOpen(false);
        ErrorBanner* banner = bannerOf(&panel);
        panel.view()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kWaitMs);
        QVERIFY(banner->canRetry());
        QCOMPARE(panel.model()->rowCount(), loaded);

        gate.setOpen(true);
        QTest::mouseClick(banner->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QVERIFY(banner->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() > loaded, kWaitMs);

        // The detail pane: its own banner, its own retry.
        SampleDetailView detail(&stack->api);
        detail.show();
        gate.setOpen(false);
        detail.setSample(panel.model()->sampleAt(0));
        ErrorBanner* detailBanner = bannerOf(&detail);
        if (!detailBanner) // the banner sits inside the page of a sample
            detailBanner = detail.findChild<ErrorBanner*>();
        QTRY_VERIFY_WITH_TIMEOUT(detailBanner->isVisible(), kWaitMs);
        QVERIFY(!detail.sample().filesRequested);
        gate.setOpen(true);
        QTest::mouseClick(detailBanner->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(detail.sample().filesRequested, kWaitMs);
        QVERIFY(detailBanner->isHidden());
    }

    void panelModelsUnderTheModelTester()
    {
        // The tester asks for more after every change: the panel then pages to the end, while
        // the filters, the quick search and the sorting change under it.
        auto panel = makePanel(15);
        QVERIFY(panel);
        QAbstractItemModelTester modelTester(panel->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(panel->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->view()->sortByColumn(SampleTableModel::Updated, Qt::DescendingOrder);
        auto* search = panel->findChild<QLineEdit*>(u"quickSearch"_s);
        QTest::keyClicks(search, u"blood"_s);
        SampleFilters f;
        f.omics = {1};
        panel->setFilters(f);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading() && !panel->model()->canFetchMore({}), kWaitMs);
        QVERIFY(panel->proxy()->rowCount() > 0);
        search->clear();
        panel->setFilters({});
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading() && !panel->model()->canFetchMore({}), kWaitMs);
        QCOMPARE(panel->proxy()->rowCount(), *panel->model()->total());
    }

    void signedOutIsEmptyAndDisabled()
    {
        SamplesPanel panel(nullptr);
        QAbstractItemModelTester tester(panel.proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.show();
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(!panel.refreshAction()->isEnabled());
        QVERIFY(!panel.registerSampleAction()->isEnabled());
        QVERIFY(!panel.improveSampleAction()->isEnabled());
        QVERIFY(!panel.filterBar()->isEnabled());
        QVERIFY(panel.statusText().contains(u"Sign in"_s));

        SampleDetailView detail(nullptr);
        Sample s = allSamples(m_stack->api, {}).first();
        detail.setSample(s);
        QVERIFY(!detail.isLoading());
        QCOMPARE(fieldLabel(&detail, u"biosample_id"_s)->text(), s.biosampleId);

        // Signing in later brings the samples.
        panel.setApi(&m_stack->api);
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() > 0, kWaitMs);
        QVERIFY(panel.refreshAction()->isEnabled());
        panel.setApi(nullptr);
        QCOMPARE(panel.model()->rowCount(), 0);
    }

private:
    std::unique_ptr<SamplesPanel> makePanel(int pageSize)
    {
        auto panel = std::make_unique<SamplesPanel>(&m_stack->api);
        panel->model()->setPageSize(pageSize);
        panel->resize(1000, 500);
        panel->show();
        if (!QTest::qWaitForWindowExposed(panel.get()))
            return nullptr;
        panel->refreshAction()->trigger();
        if (!QTest::qWaitFor([&panel] { return !panel->isLoading() && panel->model()->total(); }, kWaitMs))
            return nullptr;
        return panel;
    }

    SandboxProcess m_sandbox;
    std::unique_ptr<ClientStack> m_stack;
    QString m_genomic;
};

QTEST_MAIN(TestSamples)
#include "tst_samples.moc"
