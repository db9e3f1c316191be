#include "shell/sandboxlauncher.h"

#include "common/sandboxprocess.h"

#include <QApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace bge::ui;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The app's own sandbox child: started on free ports, described by its JSON line, stopped and
// gone afterwards; a program that is not a sandbox (garbage, early exit, silence) ends in a
// clear message without hanging the app.
class TestSandboxLauncher : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // A stand-in for bge-sandbox: a shell script with this body.
    QString fakeSandbox(const QString& name, const QByteArray& body)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write("#!/bin/sh\n" + body + '\n');
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    // GET /ping: the HTTP status, or 0 when nothing answers.
    static int ping(const QUrl& endpoint)
    {
        QNetworkAccessManager network;
        QNetworkReply* reply = network.get(QNetworkRequest(endpoint.resolved(QUrl(u"/ping"_s))));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
            return -1;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

    std::unique_ptr<SandboxLauncher> launcher(const QString& program)
    {
        auto l = std::make_unique<SandboxLauncher>();
        l->setProgram(program);
        l->setDataDirectory(m_dir.filePath(u"data"_s));
        return l;
    }

    // Starts `program` and expects startFailed() with a message containing `expected`.
    void expectStartFailure(const QString& program, const QString& expected,
                            std::chrono::milliseconds timeout = 30s)
    {
        auto l = launcher(program);
        l->setStartTimeout(timeout);
        QSignalSpy failed(l.get(), &SandboxLauncher::startFailed);
        QSignalSpy ready(l.get(), &SandboxLauncher::ready);
        l->start();
        QVERIFY(failed.isEmpty()); // never from inside start()
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QCOMPARE(ready.size(), 0);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(l->state(), SandboxLauncher::State::NotRunning);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void startsReadsEndpointsAndStops()
    {
        auto l = launcher(bge::test::SandboxProcess::executable());
        QSignalSpy ready(l.get(), &SandboxLauncher::ready);
        l->start();
        QCOMPARE(l->state(), SandboxLauncher::State::Starting);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QCOMPARE(l->state(), SandboxLauncher::State::Running);

        const SandboxInfo& info = l->info();
        QCOMPARE(info.apiEndpoint.scheme(), u"http"_s);
        QCOMPARE(info.apiEndpoint.host(), u"127.0.0.1"_s);
        QVERIFY(info.apiEndpoint.port() > 0);
        QVERIFY(info.ossEndpoint.port() > 0);
        QCOMPARE(info.autoApproveParameter, u"sandbox_auto_approve"_s);
        const auto desktop = info.client(SandboxInfo::desktopClientId());
        QVERIFY(desktop);
        QVERIFY(!desktop->secret.isEmpty());
        QCOMPARE(desktop->grantType, u"authorization_code"_s);
        QVERIFY(!info.users.isEmpty());
        QVERIFY(QFileInfo(m_dir.filePath(u"data"_s)).isDir());
        QCOMPARE(ping(info.apiEndpoint), 200);

        QSignalSpy stopped(l.get(), &SandboxLauncher::stopped);
        QSignalSpy unexpected(l.get(), &SandboxLauncher::stoppedUnexpectedly);
        l->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 30000);
        QCOMPARE(unexpected.size(), 0);
        QCOMPARE(l->state(), SandboxLauncher::State::NotRunning);
        QCOMPARE(ping(info.apiEndpoint), 0); // nobody listens any more
    }

    void destructorEndsTheChild()
    {
        QUrl endpoint;
        {
            auto l = launcher(bge::test::SandboxProcess::executable());
            QSignalSpy ready(l.get(), &SandboxLauncher::ready);
            l->start();
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
            endpoint = l->info().apiEndpoint;
            QCOMPARE(ping(endpoint), 200);
        }
        QCOMPARE(ping(endpoint), 0);
    }

    void sandboxDiesWithTheApp()
    {
#ifndef Q_OS_LINUX
        QSKIP("PR_SET_PDEATHSIG is Linux's");
#endif
        // An app killed outright (no stop(), no destructor) takes its sandbox along.
        QProcess app;
        app.start(QCoreApplication::applicationFilePath(),
                  {u"--launcher-child"_s, m_dir.filePath(u"child-data"_s)});
        QVERIFY(app.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(app.canReadLine() || app.state() == QProcess::NotRunning, 60000);
        const QUrl endpoint(QString::fromUtf8(app.readLine()).trimmed());
        QVERIFY2(endpoint.port() > 0, qPrintable(QString::fromUtf8(app.readAllStandardError())));
        QCOMPARE(ping(endpoint), 200);
        app.kill();
        QVERIFY(app.waitForFinished());
        QTRY_COMPARE_WITH_TIMEOUT(ping(endpoint), 0, 30000);
    }

    void stopWhileStartingIsClean()
    {
        auto l = launcher(fakeSandbox(u"slow"_s, "sleep 30"));
        QSignalSpy stopped(l.get(), &SandboxLauncher::stopped);
        QSignalSpy failed(l.get(), &SandboxLauncher::startFailed);
        l->start();
        l->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 30000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(l->state(), SandboxLauncher::State::NotRunning);
    }

    void stopWhenNotRunningAnswersAtOnce()
    {
        SandboxLauncher l;
        QSignalSpy stopped(&l, &SandboxLauncher::stopped);
        l.stop();
        QVERIFY(stopped.isEmpty());
        QTRY_COMPARE(stopped.size(), 1);
    }

    void garbageIsNotADescription()
    {
        expectStartFailure(fakeSandbox(u"garbage"_s, "echo 'Listening, probably'; sleep 30"),
                           u"did not describe itself"_s);
    }

    void earlyExitSaysWhy()
    {
        expectStartFailure(fakeSandbox(u"early"_s, "echo 'bge-sandbox: address already in use' >&2; exit 3"),
                           u"exit code 3"_s);
        expectStartFailure(fakeSandbox(u"early2"_s, "echo 'bge-sandbox: address already in use' >&2; exit 3"),
                           u"address already in use"_s);
    }

    void silenceTimesOut()
    {
        expectStartFailure(fakeSandbox(u"silent"_s, "sleep 30"), u"within"_s, 1s);
    }

    void missingProgram()
    {
        expectStartFailure(m_dir.filePath(u"no-such-sandbox"_s), u"not installed"_s);
    }

    void endpointElsewhereIsRefused()
    {
        expectStartFailure(
            fakeSandbox(
                u"remote"_s,
                "echo '{\"api_endpoint\":\"http://sandbox.example.com:8080\",\"clients\":[]}'; sleep 30"),
            u"not on this computer"_s);
    }

    void withoutTheDesktopClientIsRefused()
    {
        expectStartFailure(
            fakeSandbox(
                u"noclient"_s,
                "echo "
                "'{\"api_endpoint\":\"http://"
                "127.0.0.1:9\",\"clients\":[{\"client_id\":\"x\",\"client_secret\":\"y\"}]}'; sleep 30"),
            u"bge-desktop-demo"_s);
    }

    void endlessLineIsRefused()
    {
        // More than a description could ever be, and never a newline.
        expectStartFailure(fakeSandbox(u"endless"_s, "head -c 3000000 /dev/zero | tr '\\0' x; sleep 30"),
                           u"did not describe itself"_s);
    }

    void stoppingByItselfIsReported()
    {
        auto l = launcher(fakeSandbox(
            u"dies"_s,
            "echo "
            "'{\"api_endpoint\":\"http://"
            "127.0.0.1:9\",\"clients\":[{\"client_id\":\"bge-desktop-demo\",\"client_secret\":\"s\",\"grant_"
            "type\":\"authorization_code\"}]}'; sleep 1; echo 'out of memory' >&2; exit 4"));
        QSignalSpy ready(l.get(), &SandboxLauncher::ready);
        QSignalSpy unexpected(l.get(), &SandboxLauncher::stoppedUnexpectedly);
        l->start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(unexpected.size(), 1, 30000);
        const QString message = unexpected.at(0).at(0).toString();
        QVERIFY2(message.contains(u"exit code 4"_s) && message.contains(u"out of memory"_s),
                 qPrintable(message));
        QCOMPARE(l->state(), SandboxLauncher::State::NotRunning);
    }

    void parseRejectsMalformedLines()
    {
        for (const QByteArray& line : {QByteArray(), QByteArray("[]"), QByteArray("{\"api_endpoint\": 5}"),
                                       QByteArray("{\"api_endpoint\":\"https://127.0.0.1:1\"}"),
                                       QByteArray("{\"api_endpoint\":\"http://127.0.0.1\"}")}) {
            QString problem;
            QVERIFY2(!SandboxInfo::parse(line, &problem), line.constData());
            QVERIFY(!problem.isEmpty());
        }
    }
};

// `tst_sandboxlauncher --launcher-child DIR`: an app that starts the sandbox, prints its API
// endpoint and waits to be killed (sandboxDiesWithTheApp).
static int runLauncherChild(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    SandboxLauncher launcher;
    launcher.setProgram(bge::test::SandboxProcess::executable());
    launcher.setDataDirectory(QString::fromLocal8Bit(argv[2]));
    QObject::connect(&launcher, &SandboxLauncher::ready, &app, [](const SandboxInfo& info) {
        std::printf("%s\n", qPrintable(info.apiEndpoint.toString()));
        std::fflush(stdout);
    });
    QObject::connect(&launcher, &SandboxLauncher::startFailed, &app, [] { QCoreApplication::exit(1); });
    launcher.start();
    return QCoreApplication::exec();
}

int main(int argc, char* argv[])
{
    if (argc > 2 && qstrcmp(argv[1], "--launcher-child") == 0)
        return runLauncherChild(argc, argv);
    QApplication app(argc, argv);
    TestSandboxLauncher test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sandboxlauncher.moc"
