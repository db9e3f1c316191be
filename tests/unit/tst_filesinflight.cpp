// FilesInFlight: how many files of a batch go at once (small ones together, a multipart one alone).
#include "transfer/filesinflight.h"

#include <QTest>

using namespace bge;

class TstFilesInFlight final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallFilesUpToTheLimit()
    {
        FilesInFlight files(3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(files.mayStart(false));
            files.started(false);
        }
        QVERIFY(!files.mayStart(false));
        QCOMPARE(files.running(), 3);
        files.finished(false);
        QVERIFY(files.mayStart(false));
    }

    void multipartRunsAlone()
    {
        FilesInFlight files;
        QCOMPARE(files.limit(), FilesInFlight::kDefaultSingleRequestFiles);
        files.started(false);
        QVERIFY(!files.mayStart(true)); // waits until the small ones are done
        files.finished(false);
        QVERIFY(files.mayStart(true));
        files.started(true);
        QVERIFY(!files.mayStart(false));
        QVERIFY(!files.mayStart(true));
        QCOMPARE(files.running(), 1);
        files.finished(true);
        QVERIFY(files.mayStart(false));
        QCOMPARE(files.running(), 0);
    }

    void atLeastOne()
    {
        FilesInFlight files(0);
        QCOMPARE(files.limit(), 1);
        QVERIFY(files.mayStart(false));
        files.started(false);
        QVERIFY(!files.mayStart(false));
    }
};

QTEST_GUILESS_MAIN(TstFilesInFlight)
#include "tst_filesinflight.moc"
