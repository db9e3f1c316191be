// HealthOmics accounts as a person sets them up: the emulator's keys typed in, a wrong secret
// refused with a sentence that says what to fix (and nothing saved), an AWS profile of the
// test's HOME listed with its region and used, the sandbox's emulator with nothing typed, the
// secret in the keychain and never in the settings file, removal after a confirmation.
#include "omicsbrowsesupport.h"

#include "omics/omicsaccountdialog.h"
#include "omics/omicsaccountswitcher.h"
#include "omics/omicsworkspace.h"
#include "omics/sequencestoremodel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStackedWidget>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

OmicsAccountDialog* openDialog(QWidget* owner)
{
    auto* add = owner->findChild<QPushButton*>(u"addAccountButton"_s);
    if (!add || !add->isEnabled())
        return nullptr;
    QTest::mouseClick(add, Qt::LeftButton);
    auto* dialog = owner->findChild<OmicsAccountDialog*>();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

template <typename T> T* child(QWidget* parent, const QString& name)
{
    T* found = parent->findChild<T*>(name);
    if (!found)
        qWarning("no %s", qPrintable(name));
    return found;
}

void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("BGE_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(widget->grab().save(dir + u'/' + name));
    qInfo("screenshot: %s/%s", qPrintable(dir), qPrintable(name));
}

void typeInto(QWidget* field, const QString& text)
{
    field->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(field, text);
}

} // namespace

class TestOmicsAccounts final : public QObject
{
    Q_OBJECT

private:
    OmicsGuiEnvironment m_env;
    QTemporaryDir m_home;

    std::unique_ptr<OmicsAccountSwitcher> makeSwitcher(bool withEmulator)
    {
        auto switcher = std::make_unique<OmicsAccountSwitcher>(
            m_env.connections.get(), withEmulator ? m_env.info->omics : std::nullopt, m_env.settings.get());
        switcher->show();
        return switcher;
    }

    QStringList accountNames() const
    {
        QStringList names;
        for (const omics::OmicsAccount& a : m_env.connections->accounts())
            names.append(a.name);
        return names;
    }

    static QStringList comboNames(QWidget* switcher)
    {
        auto* combo = switcher->findChild<QComboBox*>(u"accountCombo"_s);
        QStringList names;
        for (int i = 0; combo && i < combo->count(); ++i)
            names.append(combo->itemData(i).toString());
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"), "run through ctest: it writes secrets");
        QVERIFY2(m_env.start(), qPrintable(m_env.sandbox.errorOutput()));
        // The test's own HOME: the ~/.aws files written below are nobody else's.
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        for (const char* name : {"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_CONFIG_FILE",
                                 "AWS_SHARED_CREDENTIALS_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                 "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_OMICS"})
            qunsetenv(name);
    }

    void init()
    {
        for (const QString& name : accountNames())
            m_env.connections->remove(name);
        m_env.settings->remove(u"omics/currentAccount"_s);
        QDir(m_home.filePath(u".aws"_s)).removeRecursively();
    }

    void typedKeysAppearInTheSwitcher()
    {
        OmicsWorkspace workspace(m_env.connections.get(), std::nullopt, m_env.settings.get());
        workspace.resize(1280, 800);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        // No account yet: the friendly page, whose button opens the dialog.
        auto* pages = workspace.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QCOMPARE(pages->currentWidget()->objectName(), u"omicsEmptyPage"_s);
        screenshot(&workspace, u"omics-empty.png"_s);
        QTest::mouseClick(child<QPushButton>(&workspace, u"emptyAddAccountButton"_s), Qt::LeftButton);
        auto* dialog = workspace.findChild<OmicsAccountDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // Without a sandbox and without profiles: keys, and no emulator choice at all.
        QCOMPARE(dialog->mode(), OmicsAccountDialog::Mode::Keys);
        QVERIFY(child<QRadioButton>(dialog, u"modeEmulator"_s)->isHidden());
        auto* save = child<QPushButton>(dialog, u"saveAccountButton"_s);
        QVERIFY(!save->isEnabled()); // nothing typed yet

        typeInto(child<QLineEdit>(dialog, u"accountNameEdit"_s), u"typed"_s);
        typeInto(child<QLineEdit>(dialog, u"accessKeyIdEdit"_s), m_env.emulator().accessKeyId);
        typeInto(child<QLineEdit>(dialog, u"secretAccessKeyEdit"_s), m_env.emulator().secretAccessKey);
        typeInto(child<QComboBox>(dialog, u"regionCombo"_s)->lineEdit(), m_env.emulator().region);
        auto* endpoint = child<QLineEdit>(dialog, u"endpointEdit"_s);
        typeInto(endpoint, m_env.emulator().endpoint.toString());
        QVERIFY(save->isEnabled());
        screenshot(dialog, u"omics-account-keys.png"_s);
        QSignalSpy saved(dialog, &OmicsAccountDialog::accountSaved);
        QTest::keyClick(endpoint, Qt::Key_Return); // Enter saves
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        QCOMPARE(saved.at(0).at(0).toString(), u"typed"_s);

        QCOMPARE(accountNames(), QStringList{u"typed"_s});
        QTRY_COMPARE(comboNames(workspace.accountSwitcher()), QStringList{u"typed"_s});
        QCOMPARE(workspace.currentAccount(), u"typed"_s);
        QCOMPARE(pages->currentWidget()->objectName(), u"omicsSplitter"_s);
        const std::optional<omics::OmicsAccount> account = m_env.connections->account(u"typed"_s);
        QVERIFY(account);
        QCOMPARE(account->accessKeyId, m_env.emulator().accessKeyId);
        QCOMPARE(account->region, m_env.emulator().region);
        QCOMPARE(QUrl(account->endpoint), m_env.emulator().endpoint);
        // And it works: the stores the emulator announced.
        QTRY_COMPARE_WITH_TIMEOUT(workspace.storeModel()->rowCount(), int(m_env.storeIds().size()), kWaitMs);

        // The secret is in the keychain, and nowhere in the settings file.
        QCOMPARE(m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"typed"_s)),
                 std::optional<QString>(m_env.emulator().secretAccessKey));
        m_env.settings->sync();
        QFile ini(m_env.settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains(m_env.emulator().accessKeyId.toUtf8())); // the file is the right one
        QVERIFY(!text.contains(m_env.emulator().secretAccessKey.toUtf8()));
        QVERIFY(!text.contains(QUrl::toPercentEncoding(m_env.emulator().secretAccessKey)));
    }

    void wrongSecretSavesNothing()
    {
        auto switcher = makeSwitcher(false);
        OmicsAccountDialog* dialog = openDialog(switcher.get());
        QVERIFY(dialog);
        QString wrong = m_env.emulator().secretAccessKey;
        wrong[5] = wrong[5] == u'x' ? u'y' : u'x';
        typeInto(child<QLineEdit>(dialog, u"accountNameEdit"_s), u"wrong"_s);
        typeInto(child<QLineEdit>(dialog, u"accessKeyIdEdit"_s), m_env.emulator().accessKeyId);
        typeInto(child<QLineEdit>(dialog, u"secretAccessKeyEdit"_s), wrong);
        typeInto(child<QComboBox>(dialog, u"regionCombo"_s)->lineEdit(), m_env.emulator().region);
        typeInto(child<QLineEdit>(dialog, u"endpointEdit"_s), m_env.emulator().endpoint.toString());
        QSignalSpy saved(dialog, &OmicsAccountDialog::accountSaved);
        QTest::mouseClick(child<QPushButton>(dialog, u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->problem().isEmpty() && !dialog->isChecking(), kWaitMs);
        QCOMPARE(
            dialog->problem(),
            u"The secret access key does not match the access key ID. Check both and enter them again."_s);
        QVERIFY(child<QLabel>(dialog, u"accountProblem"_s)->isVisible());
        QVERIFY(dialog->isVisible()); // still open, to correct the key
        QCOMPARE(saved.size(), 0);
        QVERIFY(accountNames().isEmpty());
        QVERIFY(!m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"wrong"_s)));

        // An unknown access key ID gets its own sentence.
        auto* id = child<QLineEdit>(dialog, u"accessKeyIdEdit"_s);
        id->selectAll();
        QTest::keyClicks(id, u"AKIAUNKNOWN0000000000"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->problem().startsWith(u"AWS does not know this access key ID"_s),
                                 kWaitMs);
        QVERIFY(accountNames().isEmpty());
    }

    void awsProfileIsListedWithItsRegionAndWorks()
    {
        const auto& e = m_env.emulator();
        QVERIFY(
            writeFile(m_home.filePath(u".aws/config"_s),
                      u"[default]\nregion = us-east-1\n\n[profile emu]\nregion = %1\nendpoint_url = %2\n"_s
                          .arg(e.region, e.endpoint.toString())
                          .toUtf8()));
        QVERIFY(writeFile(m_home.filePath(u".aws/credentials"_s),
                          u"[emu]\naws_access_key_id = %1\naws_secret_access_key = %2\n"_s
                              .arg(e.accessKeyId, e.secretAccessKey)
                              .toUtf8()));
        auto switcher = makeSwitcher(false);
        OmicsAccountDialog* dialog = openDialog(switcher.get());
        QVERIFY(dialog);
        // With profiles and no sandbox, a profile is what is offered first.
        QCOMPARE(dialog->mode(), OmicsAccountDialog::Mode::Profile);
        auto* profiles = child<QComboBox>(dialog, u"profileCombo"_s);
        QStringList texts;
        for (int i = 0; i < profiles->count(); ++i)
            texts.append(profiles->itemText(i));
        QCOMPARE(texts, (QStringList{u"default — us-east-1"_s, u"emu — %1"_s.arg(e.region)}));
        // Chosen with the keyboard, as a person would.
        profiles->setFocus(Qt::TabFocusReason);
        QTest::keyClick(profiles, Qt::Key_Down);
        QCOMPARE(profiles->currentData().toString(), u"emu"_s);
        auto* name = child<QLineEdit>(dialog, u"accountNameEdit"_s);
        name->selectAll();
        QTest::keyClicks(name, u"fromprofile"_s);
        QSignalSpy saved(dialog, &OmicsAccountDialog::accountSaved);
        QTest::mouseClick(child<QPushButton>(dialog, u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        const std::optional<omics::OmicsAccount> account = m_env.connections->account(u"fromprofile"_s);
        QVERIFY(account);
        QCOMPARE(account->profile, u"emu"_s);
        QVERIFY(account->accessKeyId.isEmpty()); // keys stay in the profile
        QVERIFY(!m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"fromprofile"_s)));
        QCOMPARE(switcher->currentAccount(), u"fromprofile"_s);

        // The account works as `bge` would use it: the emulator's stores.
        const Result<omics::OmicsConnection*> connection = m_env.connections->connection(u"fromprofile"_s);
        QVERIFY(connection);
        const auto stores = allPages<omics::SequenceStore>([&](const omics::ListOptions& o) {
            return omics::OmicsApi(connection.value()).listSequenceStores({}, o);
        });
        QVERIFY(stores);
        QCOMPARE(stores->size(), m_env.storeIds().size());

        // A profile with a wrong secret is refused naming the profile to correct.
        QVERIFY(writeFile(m_home.filePath(u".aws/credentials"_s),
                          u"[emu]\naws_access_key_id = %1\naws_secret_access_key = %2x\n"_s
                              .arg(e.accessKeyId, e.secretAccessKey)
                              .toUtf8()));
        dialog = openDialog(switcher.get());
        QVERIFY(dialog);
        profiles = child<QComboBox>(dialog, u"profileCombo"_s);
        profiles->setCurrentIndex(profiles->findData(u"emu"_s));
        name = child<QLineEdit>(dialog, u"accountNameEdit"_s);
        name->selectAll();
        QTest::keyClicks(name, u"broken"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->problem().isEmpty() && !dialog->isChecking(), kWaitMs);
        QVERIFY2(dialog->problem().contains(u"profile “emu”"_s), qPrintable(dialog->problem()));
        QVERIFY(!m_env.connections->account(u"broken"_s));
        dialog->reject();
    }

    void sandboxEmulatorNeedsNothingTyped()
    {
        auto switcher = makeSwitcher(true);
        OmicsAccountDialog* dialog = openDialog(switcher.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), OmicsAccountDialog::Mode::Emulator);
        QCOMPARE(child<QLineEdit>(dialog, u"accountNameEdit"_s)->text(), u"emulator"_s);
        QVERIFY(child<QLabel>(dialog, u"emulatorInfo"_s)
                    ->text()
                    .contains(m_env.emulator().endpoint.toDisplayString()));
        screenshot(dialog, u"omics-account-emulator.png"_s);
        // The secret is shown nowhere.
        for (const QLabel* label : dialog->findChildren<QLabel*>())
            QVERIFY(!label->text().contains(m_env.emulator().secretAccessKey));
        QSignalSpy saved(dialog, &OmicsAccountDialog::accountSaved);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        const std::optional<omics::OmicsAccount> account = m_env.connections->account(u"emulator"_s);
        QVERIFY(account);
        QCOMPARE(account->accessKeyId, m_env.emulator().accessKeyId);
        QCOMPARE(QUrl(account->endpoint), m_env.emulator().endpoint);
        QCOMPARE(m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"emulator"_s)),
                 std::optional<QString>(m_env.emulator().secretAccessKey));
        QCOMPARE(comboNames(switcher.get()), QStringList{u"emulator"_s});
    }

    void switcherRemembersAndRemovesWithConfirmation()
    {
        QVERIFY(m_env.saveEmulatorAccount(u"alpha"_s));
        QVERIFY(m_env.saveEmulatorAccount(u"beta"_s));
        {
            auto switcher = makeSwitcher(false);
            QCOMPARE(comboNames(switcher.get()), (QStringList{u"alpha"_s, u"beta"_s}));
            auto* combo = child<QComboBox>(switcher.get(), u"accountCombo"_s);
            QSignalSpy changed(switcher.get(), &OmicsAccountSwitcher::currentAccountChanged);
            combo->setFocus(Qt::TabFocusReason);
            QTest::keyClick(combo, Qt::Key_Down);
            QCOMPARE(switcher->currentAccount(), u"beta"_s);
            QCOMPARE(changed.size(), 1);
        }
        // A new switcher (the next start) picks the last one used.
        auto switcher = makeSwitcher(false);
        QCOMPARE(switcher->currentAccount(), u"beta"_s);

        // Cancel keeps it.
        QTest::mouseClick(child<QPushButton>(switcher.get(), u"removeAccountButton"_s), Qt::LeftButton);
        auto* box = switcher->findChild<QMessageBox*>(u"removeAccountConfirmation"_s);
        QVERIFY(box);
        QVERIFY(QTest::qWaitForWindowExposed(box));
        QVERIFY(box->text().contains(u"beta"_s));
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!switcher->findChild<QMessageBox*>(u"removeAccountConfirmation"_s));
        QCOMPARE(accountNames(), (QStringList{u"alpha"_s, u"beta"_s}));

        // Remove removes it, and its secret. Delete on the list asks the same.
        auto* accounts = child<QComboBox>(switcher.get(), u"accountCombo"_s);
        switcher->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(switcher.get()));
        accounts->setFocus(Qt::TabFocusReason);
        QTest::keyClick(accounts, Qt::Key_Delete);
        box = switcher->findChild<QMessageBox*>(u"removeAccountConfirmation"_s);
        QVERIFY(box);
        QVERIFY(QTest::qWaitForWindowExposed(box));
        QTest::mouseClick(child<QPushButton>(box, u"confirmRemoveButton"_s), Qt::LeftButton);
        QTRY_COMPARE(accountNames(), QStringList{u"alpha"_s});
        QCOMPARE(comboNames(switcher.get()), QStringList{u"alpha"_s});
        QCOMPARE(switcher->currentAccount(), u"alpha"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"beta"_s)),
                                 kWaitMs);
        QVERIFY(m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"alpha"_s)));
    }

    void editKeepsTheSecretWhenNoneIsTyped()
    {
        QVERIFY(m_env.saveEmulatorAccount(u"edited"_s));
        auto switcher = makeSwitcher(false);
        QTest::mouseClick(child<QPushButton>(switcher.get(), u"editAccountButton"_s), Qt::LeftButton);
        auto* dialog = switcher->findChild<OmicsAccountDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->mode(), OmicsAccountDialog::Mode::Keys);
        QVERIFY(child<QLineEdit>(dialog, u"accountNameEdit"_s)->isReadOnly());
        QCOMPARE(child<QLineEdit>(dialog, u"accessKeyIdEdit"_s)->text(), m_env.emulator().accessKeyId);
        QVERIFY(child<QLineEdit>(dialog, u"secretAccessKeyEdit"_s)->text().isEmpty());
        QSignalSpy saved(dialog, &OmicsAccountDialog::accountSaved);
        QTest::mouseClick(child<QPushButton>(dialog, u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        QCOMPARE(m_env.keychainSecret(omics::OmicsAccount::secretKeyName(u"edited"_s)),
                 std::optional<QString>(m_env.emulator().secretAccessKey));
    }

    void sandboxInfoCarriesTheEmulator()
    {
        QJsonObject line = m_env.sandbox.description();
        QString problem;
        std::optional<SandboxInfo> info =
            SandboxInfo::parse(QJsonDocument(line).toJson(QJsonDocument::Compact), &problem);
        QVERIFY2(info, qPrintable(problem));
        QVERIFY(info->omics);
        const QJsonObject omics = line.value(u"omics").toObject();
        QCOMPARE(info->omics->endpoint, QUrl(omics.value(u"endpoint").toString()));
        QCOMPARE(info->omics->region, omics.value(u"region").toString());
        QCOMPARE(info->omics->accessKeyId, omics.value(u"access_key_id").toString());
        QCOMPARE(info->omics->secretAccessKey, omics.value(u"secret_access_key").toString());
        QCOMPARE(info->omics->importRoleArn, omics.value(u"import_role_arn").toString());
        QCOMPARE(info->omics->referenceArn, omics.value(u"reference_arn").toString());
        QVERIFY(!info->omics->importRoleArn.isEmpty());
        QCOMPARE(info->omics->s3Sources.size(), omics.value(u"s3_sources").toArray().size());
        QVERIFY(!info->omics->s3Sources.isEmpty());
        QVERIFY(info->omics->s3Sources.first().first.startsWith(u"s3://"_s));

        // Keys are never sent to an emulator that is not on this computer.
        QJsonObject remote = omics;
        remote.insert(u"endpoint"_s, u"http://omics.example.org:8080"_s);
        line.insert(u"omics"_s, remote);
        QVERIFY(!SandboxInfo::parse(QJsonDocument(line).toJson(QJsonDocument::Compact), &problem));
        QVERIFY(problem.contains(u"HealthOmics"_s));
        remote.insert(u"endpoint"_s, u"https://127.0.0.1:8080"_s);
        line.insert(u"omics"_s, remote);
        QVERIFY(!SandboxInfo::parse(QJsonDocument(line).toJson(QJsonDocument::Compact), &problem));

        // A sandbox without the emulator is still a sandbox.
        line.remove(u"omics"_s);
        info = SandboxInfo::parse(QJsonDocument(line).toJson(QJsonDocument::Compact), &problem);
        QVERIFY(info);
        QVERIFY(!info->omics);
    }

    // The sandbox's emulator listens on a new port at each start: the account saved in an earlier
    // run follows it (same keys), accounts elsewhere or of other keys stay as they are.
    void emulatorAccountFollowsTheEmulatorToItsNewPort()
    {
        omics::OmicsAccount stale = m_env.emulatorAccount(u"emulator"_s);
        stale.endpoint = u"http://127.0.0.1:9/"_s; // where an earlier sandbox listened
        omics::OmicsAccount remote = m_env.emulatorAccount(u"remote"_s);
        remote.endpoint = u"https://omics.example.org/"_s;
        omics::OmicsAccount other = m_env.emulatorAccount(u"other"_s);
        other.accessKeyId = u"AKIAOTHEROTHEROTHER0"_s;
        other.endpoint = u"http://127.0.0.1:9/"_s;
        for (const omics::OmicsAccount& a : {stale, remote, other}) {
            std::optional<QString> problem;
            QObject context;
            m_env.connections->save(a, m_env.emulator().secretAccessKey, &context,
                                    [&problem](const QString& p) { problem = p; });
            QTRY_VERIFY(problem.has_value());
            QVERIFY(problem->isEmpty());
        }
        // Before: the old port refuses.
        const Result<omics::OmicsConnection*> before = m_env.connections->connection(u"emulator"_s);
        QVERIFY(before);
        QVERIFY(!awaitJob(omics::OmicsApi(before.value()).listSequenceStores()));

        QSignalSpy changed(m_env.connections.get(), &omics::OmicsConnections::accountsChanged);
        QCOMPARE(m_env.connections->followLocalEndpoint(m_env.emulator().accessKeyId, m_env.emulator().endpoint), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(QUrl(m_env.connections->account(u"emulator"_s)->endpoint), m_env.emulator().endpoint);
        QCOMPARE(m_env.connections->account(u"remote"_s)->endpoint, remote.endpoint);
        QCOMPARE(m_env.connections->account(u"other"_s)->endpoint, other.endpoint);
        // After: a new connection at the new address, with the secret from the keychain.
        const Result<omics::OmicsConnection*> after = m_env.connections->connection(u"emulator"_s);
        QVERIFY(after);
        QVERIFY(after.value() != before.value());
        BGE_VERIFY_OK(awaitJob(omics::OmicsApi(after.value()).listSequenceStores()));
        // Nothing more to move the second time.
        QCOMPARE(m_env.connections->followLocalEndpoint(m_env.emulator().accessKeyId, m_env.emulator().endpoint), 0);
    }

    void cleanupTestCase()
    {
        for (const QString& name : accountNames())
            m_env.connections->remove(name);
    }
};

QTEST_MAIN(TestOmicsAccounts)
#include "tst_omics_accounts.moc"
