#include "shell/profilechooserpage.h"

#include "profiles/profilestore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bge::ui;
using namespace Qt::StringLiterals;

// The first-run page: each choice, what it refuses and why, what it remembers.
class TestProfileChooser : public QObject
{
    Q_OBJECT
private:
    struct Page
    {
        ProfileChooserPage page;
        QRadioButton* main = page.findChild<QRadioButton*>(u"mainProfile"_s);
        QRadioButton* backup = page.findChild<QRadioButton*>(u"backupProfile"_s);
        QRadioButton* custom = page.findChild<QRadioButton*>(u"customProfile"_s);
        QRadioButton* sandbox = page.findChild<QRadioButton*>(u"sandboxProfile"_s);
        QLineEdit* endpoint = page.findChild<QLineEdit*>(u"customEndpoint"_s);
        QLineEdit* clientId = page.findChild<QLineEdit*>(u"clientId"_s);
        QComboBox* grantMode = page.findChild<QComboBox*>(u"grantMode"_s);
        QPushButton* next = page.findChild<QPushButton*>(u"continueButton"_s);
        QLabel* problem = page.findChild<QLabel*>(u"profileProblem"_s);
    };

    QTemporaryDir m_dir;

private Q_SLOTS:
    void mainNeedsAClientId()
    {
        Page p;
        p.page.show();
        QVERIFY(p.main->isChecked()); // the platform itself is the first choice
        QVERIFY(!p.next->isEnabled());
        QVERIFY(p.problem->text().contains(u"client ID"_s));
        QVERIFY(!p.endpoint->isEnabled());

        p.clientId->setText(u"my app"_s);
        QVERIFY(!p.next->isEnabled());
        QVERIFY(p.problem->text().contains(u"spaces"_s));

        p.clientId->setText(u"  my-app  "_s);
        QVERIFY(p.next->isEnabled());
        QVERIFY(p.page.problem().isEmpty());
        QSignalSpy chosen(&p.page, &ProfileChooserPage::profileChosen);
        p.next->click();
        QCOMPARE(chosen.size(), 1);
        const auto profile = chosen.at(0).at(0).value<bge::Profile>();
        QCOMPARE(profile.kind, bge::Profile::Kind::Main);
        QCOMPARE(profile.name, u"main"_s);
        QCOMPARE(profile.endpoint, bge::Profile::mainEndpoint());
        QCOMPARE(profile.clientId, u"my-app"_s);
        QCOMPARE(profile.grantMode, bge::Profile::GrantMode::AuthorizationCode);
    }

    void backupAndClientCredentials()
    {
        Page p;
        p.backup->setChecked(true);
        p.clientId->setText(u"pipeline"_s);
        p.grantMode->setCurrentIndex(p.grantMode->findData(u"client_credentials"_s));
        const bge::Profile profile = p.page.profile();
        QCOMPARE(profile.endpoint, bge::Profile::backupEndpoint());
        QCOMPARE(profile.name, u"backup"_s);
        QCOMPARE(profile.grantMode, bge::Profile::GrantMode::ClientCredentials);
    }

    void customAddressIsValidated_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("empty") << QString() << false << QString();
        QTest::newRow("https") << u"https://api.example.org/"_s << true << u"https://api.example.org"_s;
        QTest::newRow("bare host") << u"api.example.org"_s << true << u"https://api.example.org"_s;
        QTest::newRow("plain http elsewhere") << u"http://api.example.org"_s << false << QString();
        QTest::newRow("plain http loopback")
            << u"http://127.0.0.1:8710"_s << true << u"http://127.0.0.1:8710"_s;
        QTest::newRow("password inside") << u"https://me:secret@api.example.org"_s << false << QString();
        QTest::newRow("other scheme") << u"ftp://api.example.org"_s << false << QString();
    }

    void customAddressIsValidated()
    {
        QFETCH(QString, address);
        QFETCH(bool, accepted);
        QFETCH(QString, endpoint);
        Page p;
        p.custom->setChecked(true);
        QVERIFY(p.endpoint->isEnabled());
        p.clientId->setText(u"my-app"_s);
        p.endpoint->setText(address);
        QCOMPARE(p.next->isEnabled(), accepted);
        QCOMPARE(p.page.problem().isEmpty(), accepted);
        if (!accepted) {
            QVERIFY(p.problem->isVisibleTo(&p.page));
            QCOMPARE(p.problem->text(), p.page.problem());
            return;
        }
        QCOMPARE(p.page.profile().endpoint.toString(), endpoint);
        QCOMPARE(p.page.profile().kind, bge::Profile::Kind::Custom);
    }

    void sandboxNeedsNothing()
    {
        Page p;
        p.sandbox->setChecked(true);
        QVERIFY(!p.clientId->isEnabled());
        QVERIFY(!p.grantMode->isEnabled());
        QVERIFY(p.next->isEnabled());
        QSignalSpy chosen(&p.page, &ProfileChooserPage::profileChosen);
        // Enter on the page's default button.
        p.page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p.page));
        p.next->setFocus();
        QTest::keyClick(p.next, Qt::Key_Space);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).value<bge::Profile>().kind, bge::Profile::Kind::Sandbox);
        QCOMPARE(chosen.at(0).at(0).value<bge::Profile>().name, u"sandbox"_s);
    }

    void prefillsFromStoredProfiles()
    {
        QSettings settings(m_dir.filePath(u"profiles.ini"_s), QSettings::IniFormat);
        bge::ProfileStore store(&settings);
        bge::Profile custom;
        custom.kind = bge::Profile::Kind::Custom;
        custom.name = u"custom"_s;
        custom.endpoint = QUrl(u"https://bge.example.org"_s);
        custom.clientId = u"lab-app"_s;
        custom.grantMode = bge::Profile::GrantMode::ClientCredentials;
        store.save(custom);

        Page p;
        p.page.load(store, u"custom"_s);
        QVERIFY(p.custom->isChecked());
        QCOMPARE(p.endpoint->text(), u"https://bge.example.org"_s);
        QCOMPARE(p.clientId->text(), u"lab-app"_s);
        QCOMPARE(p.grantMode->currentData().toString(), u"client_credentials"_s);
        QVERIFY(p.next->isEnabled());

        Page fresh;
        fresh.page.load(store, u"nothing-stored"_s);
        QVERIFY(fresh.main->isChecked());
        QCOMPARE(fresh.clientId->text(), u"lab-app"_s); // the application is usually the same
    }

    void keyboardOrderFollowsTheText()
    {
        Page p;
        p.custom->setChecked(true);
        p.page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p.page));
        p.custom->setFocus();
        QCOMPARE(p.custom->nextInFocusChain(), p.endpoint);
        QVERIFY(!p.endpoint->accessibleName().isEmpty());
        QVERIFY(!p.clientId->accessibleName().isEmpty());
        QVERIFY(!p.grantMode->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestProfileChooser)
#include "tst_profilechooser.moc"
