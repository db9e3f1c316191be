// The notification at the end of a batch, on a real X server: first without any system tray
// (the main window's status bar says it), then with a real XEmbed tray host (trayer) running in
// the same X server, where Qt docks the icon and shows its message balloon.
#include "transfers/transfernotifier.h"

#include "transfer/transferbatches.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTest>

using namespace bge;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

TransferBatchSummary oneUpload(const QString& name)
{
    TransferBatchSummary batch;
    batch.batch = 1;
    batch.items = 1;
    batch.completed = 1;
    batch.name = name;
    return batch;
}

// The visible message balloon Qt shows for a tray icon without a notification service, or
// nullptr.
QWidget* balloon()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (qstrcmp(w->metaObject()->className(), "QBalloonTip") == 0 && w->isVisible())
            return w;
    }
    return nullptr;
}

QString labelsOf(const QWidget* w)
{
    QStringList texts;
    for (const QLabel* label : w->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(u'\n');
}

} // namespace

class TestTransferNotifier final : public QObject
{
    Q_OBJECT

private:
    QProcess m_tray;

private Q_SLOTS:
    void withoutATrayTheStatusBarSaysIt()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // nothing owns the tray selection yet
        QMainWindow window;
        window.statusBar();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TransferNotifier notifier(&window);
        QSignalSpy shown(&notifier, &TransferNotifier::shown);
        notifier.notify(oneUpload(u"reads_R1.fastq.gz"_s));
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().at(0).toString(), u"Transfers finished"_s);
        QCOMPARE(shown.first().at(1).toString(), u"reads_R1.fastq.gz was uploaded."_s);
        QCOMPARE(window.statusBar()->currentMessage(), u"Transfers finished: reads_R1.fastq.gz was uploaded."_s);
        QVERIFY(!notifier.findChild<QSystemTrayIcon*>());
    }

    void aTrayShowsTheMessage()
    {
        const QString trayer = QStandardPaths::findExecutable(u"trayer"_s);
        if (trayer.isEmpty())
            QFAIL("trayer is missing: packaging/linux/install-deps.sh installs it");
        m_tray.start(trayer, {u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"request"_s,
                              u"--height"_s, u"32"_s, u"--SetDockType"_s, u"false"_s});
        QVERIFY2(m_tray.waitForStarted(), qPrintable(m_tray.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 15000);

        QMainWindow window;
        window.statusBar();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TransferNotifier notifier(&window);
        QSignalSpy shown(&notifier, &TransferNotifier::shown);
        TransferBatchSummary batch = oneUpload(u"sample-07.cram"_s);
        batch.completed = 0;
        batch.failed = 1;
        notifier.notify(batch);
        QCOMPARE(shown.size(), 1);

        auto* icon = notifier.findChild<QSystemTrayIcon*>();
        QVERIFY(icon);
        QVERIFY(icon->isVisible());
        // Docked by the tray host: Qt knows where the icon is once trayer embedded it.
        QTRY_VERIFY_WITH_TIMEOUT(icon->geometry().isValid(), 10000);
        QPointer<QWidget> shownBalloon;
        QTRY_VERIFY_WITH_TIMEOUT((shownBalloon = balloon()) != nullptr, 10000);
        const QString said = labelsOf(shownBalloon);
        QVERIFY2(said.contains(u"Transfers finished with errors"_s), qPrintable(said));
        QVERIFY2(said.contains(u"sample-07.cram could not be transferred."_s), qPrintable(said));
        QVERIFY(window.statusBar()->currentMessage().isEmpty()); // the tray said it instead
    }

    void cleanupTestCase()
    {
        if (m_tray.state() != QProcess::NotRunning) {
            m_tray.terminate();
            if (!m_tray.waitForFinished(5000))
                m_tray.kill();
        }
    }
};

QTEST_MAIN(TestTransferNotifier)
#include "tst_transfernotifier.moc"
