// The lock that keeps two downloads out of one file (ExclusiveFileLock): one holder at a time in
// this process or another, gone with its holder, taken over from a file a killed run left, and
// the file removed on release.
#include "transfer/exclusivefilelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using namespace Qt::StringLiterals;

class TestExclusiveFileLock final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void oneHolderAtATimeInOneProcess()
    {
        const QString path = m_dir.filePath(u"one.lock"_s);
        auto first = std::make_unique<ExclusiveFileLock>(path);
        QCOMPARE(first->tryLock(), ExclusiveFileLock::Outcome::Locked);
        QVERIFY(first->isLocked());
        ExclusiveFileLock second(path);
        QCOMPARE(second.tryLock(), ExclusiveFileLock::Outcome::HeldElsewhere);
        QVERIFY(!second.isLocked());
        first.reset();
        QVERIFY(!QFile::exists(path)); // removed on release
        QCOMPARE(second.tryLock(), ExclusiveFileLock::Outcome::Locked);
    }

    void aFileLeftByAKilledRunIsTakenOver()
    {
        const QString path = m_dir.filePath(u"left.lock"_s);
        for (const QByteArray& content : {QByteArray(), QByteArray("4\nbge\nhost\n")}) {
            QFile left(path);
            QVERIFY(left.open(QIODevice::WriteOnly));
            left.write(content);
            left.close();
            ExclusiveFileLock lock(path);
            QCOMPARE(lock.tryLock(), ExclusiveFileLock::Outcome::Locked);
        }
    }

    void heldByAnotherProcessUntilItDies()
    {
        const QString flock = QStandardPaths::findExecutable(u"flock"_s);
        if (flock.isEmpty())
            QSKIP("needs flock(1) from util-linux");
        const QString path = m_dir.filePath(u"other.lock"_s);
        const QString ready = m_dir.filePath(u"other.ready"_s);
        // flock(1) holds the lock while its command runs; the command says when it runs (and its
        // process id, to end it afterwards). --close: the command does not hold the lock too.
        QProcess other;
        other.start(flock, {u"--exclusive"_s, u"--close"_s, path, u"sh"_s, u"-c"_s,
                            u"echo $$ > \"$0\"; exec sleep 60"_s, ready});
        QVERIFY(other.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return QFileInfo(ready).size() > 0; }, 10000));
        QFile pidFile(ready);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QString command = QString::fromLatin1(pidFile.readAll().trimmed());

        ExclusiveFileLock lock(path);
        QCOMPARE(lock.tryLock(), ExclusiveFileLock::Outcome::HeldElsewhere);
        other.kill(); // as a crash: the lock dies with its holder, its file stays
        QVERIFY(other.waitForFinished());
        QProcess::execute(u"kill"_s, {command});
        QVERIFY(QFile::exists(path));
        QCOMPARE(lock.tryLock(), ExclusiveFileLock::Outcome::Locked);
    }

    void aFolderThatCannotHoldItIsSaid()
    {
        ExclusiveFileLock lock(m_dir.filePath(u"missing/folder/x.lock"_s));
        QCOMPARE(lock.tryLock(), ExclusiveFileLock::Outcome::CannotCreate);
        QVERIFY(!lock.isLocked());
    }
};

QTEST_GUILESS_MAIN(TestExclusiveFileLock)
#include "tst_exclusivefilelock.moc"
