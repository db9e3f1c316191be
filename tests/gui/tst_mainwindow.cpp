#include "shell/mainwindow.h"

#include <QTabWidget>
#include <QTest>

using namespace bge::ui;

// The main window builds its views and shows them; later suites drive each view.
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsEverySampleView()
    {
        MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("sampleTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        QVERIFY(window.acceptDrops());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
