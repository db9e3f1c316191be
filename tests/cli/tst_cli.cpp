// The `bge` command line as a user runs it: the real executable (QProcess) against a real
// bge-sandbox, every test in a throw-away HOME and XDG folders, secrets in a real gnome-keyring
// that only this suite can see (the suite runs under tests/keychain/with-private-keyring.sh).
// Checks exit codes, messages on stderr, the --json payloads against the sandbox's own
// description and data, that human tables line up (in display cells: a Chinese status name
// takes two cells a character), and that no secret ever lands in a file or in any output.
#include "clitestsupport.h"
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <climits>
#include <csignal>
#include <optional>

#include <sys/resource.h>

using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

// ---------------------------------------------------------------------------------------------
// Human tables: columns start where the header's names start, counted in terminal cells.

int cellWidth(char32_t c)
{
    if (c < 0x20)
        return 0;
    // East Asian Wide and Fullwidth (UAX #11), the blocks the platform's texts use.
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

int displayWidth(const QString& text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += cellWidth(c);
    return width;
}

struct Glyph
{
    int cell;
    int width;
    char32_t c;
};

QList<Glyph> glyphs(const QString& line)
{
    QList<Glyph> out;
    int cell = 0;
    for (const char32_t c : line.toUcs4()) {
        const int w = cellWidth(c);
        out.append({cell, w, c});
        cell += w;
    }
    return out;
}

struct Table
{
    QStringList headers;
    QList<QStringList> rows; // trimmed cells, one per header
    QString problem;         // empty when every row lines up with the header
};

Table parseTable(const QString& text)
{
    Table t;
    QStringList lines = text.split(u'\n');
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.isEmpty()) {
        t.problem = u"no table"_s;
        return t;
    }
    // A column starts at the header's first character and after every run of two spaces.
    const QList<Glyph> header = glyphs(lines.first());
    QList<int> starts;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header[i].c != U' ' && (i == 0 || (i >= 2 && header[i - 1].c == U' ' && header[i - 2].c == U' ')))
            starts.append(header[i].cell);
    }
    const auto cellText = [](const QList<Glyph>& line, int from, int to, QString* problem) {
        QString cell;
        for (const Glyph& g : line) {
            const int end = g.cell + g.width;
            if (end <= from || g.cell >= to)
                continue;
            if (g.cell < from || end > to)
                *problem =
                    u"a character straddles the column boundary at cell %1"_s.arg(g.cell < from ? from : to);
            cell += QString::fromUcs4(&g.c, 1);
        }
        return cell;
    };
    const auto glyphAt = [](const QList<Glyph>& line, int cell) -> std::optional<char32_t> {
        for (const Glyph& g : line) {
            if (g.cell == cell)
                return g.c;
        }
        return std::nullopt;
    };
    for (qsizetype k = 0; k < starts.size(); ++k) {
        QString ignored;
        t.headers.append(
            cellText(header, starts[k], k + 1 < starts.size() ? starts[k + 1] : INT_MAX, &ignored).trimmed());
    }
    for (qsizetype r = 1; r < lines.size(); ++r) {
        const QList<Glyph> row = glyphs(lines[r]);
        QStringList cells;
        for (qsizetype k = 0; k < starts.size(); ++k) {
            const int from = starts[k];
            QString problem;
            const QString cell =
                cellText(row, from, k + 1 < starts.size() ? starts[k + 1] : INT_MAX, &problem);
            const QString trimmed = cell.trimmed();
            if (!trimmed.isEmpty()) {
                if (cell.front() == u' ')
                    problem = u"the cell does not start at the header's cell %1"_s.arg(from);
                // Two blank cells separate it from the column before.
                if (k > 0 && (glyphAt(row, from - 1) != U' ' || glyphAt(row, from - 2) != U' '))
                    problem = u"no two-cell gap before cell %1"_s.arg(from);
            }
            if (!problem.isEmpty() && t.problem.isEmpty())
                t.problem = u"line %1, column \"%2\": %3\n%4\n%5"_s.arg(r + 1).arg(
                    t.headers.value(k), problem, lines.first(), lines[r]);
            cells.append(trimmed);
        }
        t.rows.append(cells);
    }
    return t;
}

struct StoredSession
{
    QString clientSecret;
    QString accessToken;
    QString refreshToken;
};

std::optional<StoredSession> storedSession(const QString& profile)
{
    const std::optional<QString> secret = keychainSecret(profile + u"/client-secret"_s);
    const std::optional<QString> session = keychainSecret(profile + u"/refresh-token"_s);
    if (!secret || !session)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(session->toUtf8()).object();
    return StoredSession{*secret, o.value(u"access_token").toString(), o.value(u"refresh_token").toString()};
}

// ---------------------------------------------------------------------------------------------

QStringList idsOf(const QJsonArray& samples)
{
    QStringList ids;
    for (const QJsonValue& v : samples)
        ids.append(v.toObject().value(u"biosample_id").toString());
    return ids;
}

QStringList functionIds(const QJsonArray& records)
{
    QStringList ids;
    for (const QJsonValue& v : records)
        ids.append(v.toObject().value(u"coding").toObject().value(u"id").toString());
    return ids;
}

QSet<QString> rsidsOf(const QJsonArray& variants)
{
    QSet<QString> rsids;
    for (const QJsonValue& v : variants)
        rsids.insert(v.toObject().value(u"alternate_id").toArray().first().toString());
    return rsids;
}

// The sign-in address bge printed on stderr.
QUrl authorizeUrlIn(const QByteArray& err)
{
    for (const QByteArray& line : err.split('\n')) {
        if (line.startsWith("http://") || line.startsWith("https://")) {
            const QUrl url(QString::fromUtf8(line.trimmed()), QUrl::StrictMode);
            if (url.isValid() && url.path() == u"/oauth2/authorize")
                return url;
        }
    }
    return {};
}

int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_endpoint, m_approve;
    QString m_desktopId, m_desktopSecret, m_pipelineId, m_pipelineSecret, m_viewerId, m_viewerSecret;
    QString m_user, m_otherUser;            // zhanglei3 and another demo user
    QString m_genomic, m_metagenomic;       // analysed samples of m_user
    QString m_otherGenomic;                 // a sample of m_otherUser
    QString m_appGenomic, m_appMetagenomic; // samples of the client-credentials app
    std::unique_ptr<UserHome> m_home;       // fresh for every test
    QList<Run> m_transcript;                // every bge run of the suite
    QSet<QString> m_sessionSecrets;         // every token seen in the keychain

    static QString bgePath() { return QStringLiteral(BGE_CLI_PATH); }

    Run bge(const QStringList& arguments, const QProcessEnvironment& env, const QByteArray& input = {})
    {
        Run run = runProgram(bgePath(), arguments, env, input);
        m_transcript.append(run);
        return run;
    }

    QProcessEnvironment env(const UserHome& home, const QList<std::pair<QString, QString>>& extra = {}) const
    {
        QProcessEnvironment e = home.environment();
        for (const auto& [name, value] : extra)
            e.insert(name, value);
        return e;
    }

    QStringList pipeline(const QStringList& arguments) const
    {
        return QStringList{u"--endpoint"_s, m_endpoint, u"--client-id"_s, m_pipelineId} + arguments;
    }
    // The client-credentials app, secret from the environment, in this test's home.
    Run asPipeline(const QStringList& arguments, const QByteArray& input = {})
    {
        return bge(pipeline(arguments), env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}), input);
    }
    // A signed-in session of this test's home: nothing but the home in the environment.
    Run inSession(const QStringList& arguments) { return bge(arguments, env(*m_home)); }

    // A stand-in for the system browser ($BROWSER): approves as `username` with the sandbox's
    // auto-approve parameter and follows the redirect to bge's loopback listener.
    QString writeBrowser(const UserHome& home, const QString& username) const
    {
        const QString script = home.path(u"bin"_s) + u"/approve-as-"_s + username;
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write("#!/bin/sh\n"
                "printf '%s\\n' \"$1\" >>\"$(dirname \"$0\")/opened-urls\"\n"
                "exec curl --noproxy '*' --silent --show-error --location --max-time 150 --output /dev/null "
                "\"$1&" +
                m_approve.toUtf8() + '=' + username.toUtf8() + "\"\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return script;
    }

    Run login(const UserHome& home, const QString& clientId, const QString& secret, const QString& username,
              const QStringList& extra = {}, const QString& endpoint = {}, QProcessEnvironment e = {})
    {
        if (e.isEmpty())
            e = env(home);
        e.insert(u"BROWSER"_s, writeBrowser(home, username));
        e.insert(u"BGE_CLIENT_SECRET"_s, secret);
        return bge(QStringList{u"login"_s, u"--endpoint"_s, endpoint.isEmpty() ? m_endpoint : endpoint,
                               u"--client-id"_s, clientId, u"--wait"_s, u"170"_s} +
                       extra,
                   e);
    }

    // Remembers the tokens the keychain holds for `profile`, for the suite-wide output check.
    void rememberSessionSecrets(const QString& profile)
    {
        if (const std::optional<StoredSession> s = storedSession(profile)) {
            for (const QString& token : {s->accessToken, s->refreshToken}) {
                if (!token.isEmpty())
                    m_sessionSecrets.insert(token);
            }
        }
    }

    // The biosample ids the sandbox itself lists for a token (paging to the end).
    QStringList sandboxSampleIds(const QString& token)
    {
        QStringList ids;
        QJsonValue page = 1;
        while (!page.isNull()) {
            const HttpResult r = m_http->get(
                u"/samples"_s, {{u"page"_s, QString::number(page.toInt())}, {u"limit"_s, u"100"_s}}, token);
            if (r.code() != 0)
                return {};
            ids += idsOf(r.data().toObject().value(u"result").toArray());
            page = r.data().toObject().value(u"next_page");
        }
        return ids;
    }

    // A `samples` table against the --json listing of the same call, row by row.
    static QString checkSamplesTable(const QString& text, const QJsonArray& samples)
    {
        const Table table = parseTable(text);
        if (!table.problem.isEmpty())
            return table.problem;
        const QStringList expectedHeaders{u"BIOSAMPLE ID"_s, u"SITE"_s,   u"OMICS"_s,
                                          u"ORGANISM"_s,     u"STATUS"_s, u"PROJECT"_s,
                                          u"COLLECTED"_s,    u"DATA"_s,   u"FILES"_s};
        if (table.headers != expectedHeaders)
            return u"headers: "_s + table.headers.join(u" | "_s);
        if (table.rows.size() != samples.size())
            return u"%1 rows for %2 samples"_s.arg(table.rows.size()).arg(samples.size());
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QJsonObject s = samples[i].toObject();
            QStringList projects;
            for (const QJsonValue& p : s.value(u"project").toArray())
                projects.append(p.toObject().value(u"project_id").toString());
            const QStringList expected{s.value(u"biosample_id").toString(),
                                       s.value(u"biosample_site").toObject().value(u"display").toString(),
                                       s.value(u"omic").toObject().value(u"display").toString(),
                                       s.value(u"organism").toObject().value(u"display").toString(),
                                       s.value(u"status").toObject().value(u"display").toString(),
                                       projects.join(u','),
                                       s.value(u"sample_collection_time").toString().left(10),
                                       s.value(u"data_availability").toBool() ? u"yes"_s : u"no"_s,
                                       QString()};
            if (table.rows[i] != expected)
                return u"row %1: [%2] expected [%3]"_s.arg(i + 1).arg(table.rows[i].join(u" | "_s),
                                                                      expected.join(u" | "_s));
        }
        return {};
    }

    static QString modelSample(const QJsonObject& model, const QString& genomic, const QString& metagenomic)
    {
        return model.value(u"omics").toString() == u"genomics" ? genomic : metagenomic;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The suite writes secrets: only ever into the private keyring of with-private-keyring.sh.
        if (qEnvironmentVariable("BGE_PRIVATE_KEYRING") != u"1")
            QFAIL("run this suite through tests/keychain/with-private-keyring.sh");
        for (const char* tool : {"secret-tool", "curl"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
        QVERIFY2(QFile::exists(bgePath()), qPrintable(bgePath()));
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_endpoint = m_sandbox.apiEndpoint();
        m_http = std::make_unique<HttpTestClient>(m_endpoint);
        m_approve = m_sandbox.description().value(u"auto_approve_param").toString();
        QVERIFY(!m_approve.isEmpty());

        const auto client = [this](const QString& id, QString* secret) {
            *secret = m_sandbox.clientById(id).value(u"client_secret").toString();
            return !secret->isEmpty();
        };
        m_desktopId = u"bge-desktop-demo"_s;
        m_pipelineId = u"bge-pipeline-demo"_s;
        m_viewerId = u"bge-viewer-demo"_s;
        QVERIFY(client(m_desktopId, &m_desktopSecret));
        QVERIFY(client(m_pipelineId, &m_pipelineSecret));
        QVERIFY(client(m_viewerId, &m_viewerSecret));

        m_user = m_sandbox.user(0).value(u"username").toString();
        QCOMPARE(m_user, u"zhanglei3"_s);
        m_otherUser = m_sandbox.user(1).value(u"username").toString();
        const QJsonObject samples = m_sandbox.user(0).value(u"samples").toObject();
        m_genomic = samples.value(u"genomics").toString();
        m_metagenomic = samples.value(u"metagenomics").toString();
        m_otherGenomic = m_sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        const QJsonObject appSamples = m_sandbox.clientById(m_pipelineId).value(u"samples").toObject();
        m_appGenomic = appSamples.value(u"genomics").toString();
        m_appMetagenomic = appSamples.value(u"metagenomics").toString();
        QVERIFY2(m_metagenomic.startsWith(u"E-F"_s), qPrintable(m_metagenomic)); // F: a feces sample
        for (const QString& id : {m_genomic, m_metagenomic, m_otherGenomic, m_appGenomic, m_appMetagenomic})
            QVERIFY2(QRegularExpression(u"^E-[BF]\\d{11}$"_s).match(id).hasMatch(), qPrintable(id));
    }

    void init()
    {
        m_home = std::make_unique<UserHome>();
        QVERIFY(m_home->isValid());
        // One keyring serves the whole suite: every test starts with none of bge's entries.
        clearKeychain();
        QCOMPARE(keychainItemCount(), 0);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed()) {
            for (const auto& [file, content] : m_home->files())
                qInfo("%s: %s", qPrintable(file), content.left(500).constData());
        }
        m_home.reset();
    }

    // No secret of the suite appeared in any output of any run.
    void cleanupTestCase()
    {
        QSet<QString> secrets = m_sessionSecrets;
        secrets << m_desktopSecret << m_pipelineSecret << m_viewerSecret;
        secrets.remove(QString());
        // Without --verbose, the core's log lines ("bge.session: …") never reach the user: each
        // problem is told once, by the command.
        static const QRegularExpression kLogLine(u"^bge\\.[a-z]+: "_s, QRegularExpression::MultilineOption);
        for (const Run& run : std::as_const(m_transcript)) {
            if (!run.arguments.contains(u"--verbose"_s))
                QVERIFY2(!kLogLine.match(run.errText()).hasMatch(), run.describe().constData());
        }
        for (const Run& run : std::as_const(m_transcript)) {
            for (const QString& secret : std::as_const(secrets)) {
                QVERIFY2(!run.out.contains(secret.toUtf8()) && !run.err.contains(secret.toUtf8()),
                         run.describe().constData());
            }
        }
        clearKeychain();
    }

    // ---- 1. the command line itself --------------------------------------------------------

    void versionAndHelp()
    {
        const QProcessEnvironment e = env(*m_home);
        for (const QString& option : {u"--version"_s, u"-V"_s}) {
            const Run r = bge({option}, e);
            VERIFY_EXIT(r, 0);
            QVERIFY2(QRegularExpression(u"^bge \\d+\\.\\d+\\.\\d+\\n$"_s).match(r.outText()).hasMatch(),
                     r.describe().constData());
            QVERIFY(r.err.isEmpty());
        }

        Run r = bge({u"help"_s}, e);
        VERIFY_EXIT(r, 0);
        QVERIFY(r.outText().startsWith(u"Usage: bge"_s));
        for (const char* command :
             {"login", "logout", "whoami", "samples", "sample", "externals", "register-sample",
              "improve-sample", "variants", "taxa", "functions", "genes", "model", "help"}) {
            QVERIFY2(QRegularExpression(u"\\n  %1 +\\S"_s.arg(QString::fromLatin1(command)))
                         .match(r.outText())
                         .hasMatch(),
                     command);
        }
        for (const char* option : {"--profile", "--endpoint", "--client-id", "--client-secret-file", "--json",
                                   "--timeout", "--verbose"})
            QVERIFY2(r.out.contains(option), option);
        QVERIFY(r.outText().contains(u"Exit codes: 0 success, 1 API error, 2 usage error, 3 transport"_s));
        QVERIFY(r.err.isEmpty());
        QCOMPARE(bge({u"--help"_s}, e).out, r.out);

        const Run samplesHelp = bge({u"help"_s, u"samples"_s}, e);
        VERIFY_EXIT(samplesHelp, 0);
        QVERIFY(samplesHelp.outText().startsWith(u"Usage: bge samples"_s));
        for (const char* option : {"--sites", "--statuses", "--page", "--limit", "--all", "--json"})
            QVERIFY2(samplesHelp.out.contains(option), option);
        // Help for a command, however asked, is the same text.
        QCOMPARE(bge({u"samples"_s, u"--help"_s}, e).out, samplesHelp.out);
        QCOMPARE(bge({u"--help"_s, u"samples"_s}, e).out, samplesHelp.out);

        // No command at all: the overview, on stderr, and a usage error.
        r = bge({}, e);
        VERIFY_EXIT(r, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.errText().startsWith(u"Usage: bge"_s));
        // Nothing of this needs a settings file.
        QVERIFY(!QFile::exists(m_home->settingsFile()));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, QStringList arguments, const QString& message) {
            QTest::newRow(name) << arguments << message;
        };
        row("unknown command", {u"frobnicate"_s}, u"unknown command \"frobnicate\""_s);
        row("help on an unknown command", {u"help"_s, u"frobnicate"_s}, u"unknown command \"frobnicate\""_s);
        row("unknown option", {u"samples"_s, u"--frobnicate"_s}, u"unknown option --frobnicate"_s);
        row("unknown option before the command", {u"--frobnicate"_s, u"samples"_s},
            u"unknown option --frobnicate"_s);
        row("unknown short option", {u"samples"_s, u"-x"_s}, u"unknown option -x"_s);
        row("option without its value", {u"samples"_s, u"--limit"_s}, u"option --limit needs a value"_s);
        row("global option without its value", {u"samples"_s, u"--timeout"_s},
            u"option --timeout needs a value"_s);
        row("bad timeout", {u"--timeout"_s, u"0"_s, u"samples"_s}, u"--timeout takes a number of seconds"_s);
        row("limit too large", {u"samples"_s, u"--limit"_s, u"101"_s},
            u"--limit takes a number between 1 and 100"_s);
        row("limit zero", {u"samples"_s, u"--limit=0"_s}, u"--limit takes a number between 1 and 100"_s);
        row("unknown site", {u"samples"_s, u"--sites"_s, u"blood,elbow"_s},
            u"--sites: unknown value \"elbow\""_s);
        row("flag with a value", {u"samples"_s, u"--all=yes"_s}, u"option --all takes no value"_s);
        row("stray argument", {u"samples"_s, u"E-B12345678901"_s},
            u"unexpected argument \"E-B12345678901\""_s);
        row("sample without id", {u"sample"_s}, u"give exactly one biosample id"_s);
        row("improve without fields", {u"improve-sample"_s, u"E-B12345678901"_s},
            u"give a biosample id and at least one field=value"_s);
        row("improve with a bare word", {u"improve-sample"_s, u"E-B12345678901"_s, u"library_id"_s},
            u"expected key=value, got \"library_id\""_s);
        row("register without project",
            {u"register-sample"_s, u"--external-id"_s, u"K1"_s, u"--site"_s, u"blood"_s},
            u"--external-id, --site and --project are required"_s);
        row("externals without ids", {u"externals"_s}, u"give at least one external sample id"_s);
        row("externals without a project", {u"externals"_s, u"KIT-1"_s}, u"add --project PROJECT_ID"_s);
        row("externals with a blank project", {u"externals"_s, u"KIT-1"_s, u"--project"_s, u" "_s},
            u"add --project PROJECT_ID"_s);
        row("variants without rsids", {u"variants"_s, u"E-B12345678901"_s}, u"give at least one rsid"_s);
        row("unknown function catalog", {u"functions"_s, u"E-F12345678901"_s, u"cog"_s},
            u"unknown catalog \"cog\""_s);
        row("unknown gene type", {u"genes"_s, u"E-F12345678901"_s, u"IGC_9.9M"_s, u"csv"_s},
            u"the type is list or file, not \"csv\""_s);
        row("model without id", {u"model"_s}, u"give a model id"_s);
        row("model with a bare word", {u"model"_s, u"M1"_s, u"E-B12345678901"_s}, u"expected key=value"_s);
        row("login with an argument", {u"login"_s, u"now"_s}, u"login takes no arguments"_s);
        row("invalid profile name", {u"--profile"_s, u"../etc"_s, u"samples"_s}, u"invalid profile name"_s);
        row("unreadable secret file", {u"--client-secret-file"_s, u"/nonexistent/secret"_s, u"samples"_s},
            u"cannot read the client secret file /nonexistent/secret"_s);
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        // A dead endpoint and a secret: had bge gone to the network first, it would exit with 3.
        const QString dead = u"http://127.0.0.1:%1"_s.arg(closedPort());
        const Run r = bge(QStringList{u"--endpoint"_s, dead, u"--client-id"_s, m_pipelineId} + arguments,
                          env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}));
        VERIFY_EXIT(r, 2);
        QVERIFY2(r.errText().contains(message), r.describe().constData());
        QVERIFY2(r.errText().startsWith(u"bge: "_s), r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.describe().constData());
    }

    void clientSecretIsNeverAnArgument_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString secret = m_pipelineSecret;
        QTest::newRow("before the command") << QStringList{u"--client-secret"_s, secret, u"samples"_s};
        QTest::newRow("after the command") << QStringList{u"samples"_s, u"--client-secret"_s, secret};
        QTest::newRow("inline") << QStringList{u"samples"_s, u"--client-secret="_s + secret};
        QTest::newRow("login") << QStringList{u"login"_s, u"--client-secret"_s, secret};
        QTest::newRow("after --json")
            << QStringList{u"--json"_s, u"whoami"_s, u"--client-secret="_s + secret};
    }
    void clientSecretIsNeverAnArgument()
    {
        QFETCH(QStringList, arguments);
        const Run r = bge(pipeline(arguments), env(*m_home));
        VERIFY_EXIT(r, 2);
        QVERIFY(r.errText().contains(u"never taken as an argument"_s));
        QVERIFY(r.errText().contains(u"BGE_CLIENT_SECRET"_s));
        QVERIFY(r.errText().contains(u"--client-secret-file"_s));
        QVERIFY(!r.out.contains(m_pipelineSecret.toUtf8()));
        QVERIFY(!r.err.contains(m_pipelineSecret.toUtf8()));
        QVERIFY(!r.err.contains(m_pipelineSecret.left(12).toUtf8()));
        QVERIFY(r.out.isEmpty());
    }

    void globalOptionsBeforeOrAfterTheCommand()
    {
        const QProcessEnvironment e = env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}});
        const QList<QStringList> spellings{
            {u"--json"_s, u"--endpoint"_s, m_endpoint, u"--client-id"_s, m_pipelineId, u"--timeout"_s,
             u"90"_s, u"samples"_s, u"--limit"_s, u"3"_s, u"--page"_s, u"2"_s},
            {u"samples"_s, u"--limit"_s, u"3"_s, u"--page"_s, u"2"_s, u"--json"_s, u"--endpoint"_s,
             m_endpoint, u"--client-id"_s, m_pipelineId, u"--timeout"_s, u"90"_s},
            {u"--endpoint="_s + m_endpoint, u"samples"_s, u"--json"_s, u"--limit=3"_s,
             u"--client-id="_s + m_pipelineId, u"--page=2"_s, u"--timeout=90"_s},
        };
        QList<Run> runs;
        for (const QStringList& arguments : spellings) {
            runs.append(bge(arguments, e));
            VERIFY_EXIT(runs.last(), 0);
        }
        const QJsonArray result = runs.first().json().toObject().value(u"result").toArray();
        QCOMPARE(result.size(), 3);
        for (const Run& r : runs)
            QCOMPARE(r.out, runs.first().out);

        // The same for a human table and for a failing call.
        const Run table1 = bge(
            {u"--endpoint"_s, m_endpoint, u"--client-id"_s, m_pipelineId, u"samples"_s, u"--limit"_s, u"3"_s},
            e);
        const Run table2 = bge(
            {u"samples"_s, u"--limit"_s, u"3"_s, u"--client-id"_s, m_pipelineId, u"--endpoint"_s, m_endpoint},
            e);
        VERIFY_EXIT(table1, 0);
        VERIFY_EXIT(table2, 0);
        QCOMPARE(table2.out, table1.out);
        QCOMPARE(table2.err, table1.err);
        const Run fail1 =
            bge({u"--endpoint"_s, m_endpoint, u"--client-id"_s, m_pipelineId, u"sample"_s, m_genomic}, e);
        const Run fail2 =
            bge({u"sample"_s, m_genomic, u"--endpoint"_s, m_endpoint, u"--client-id"_s, m_pipelineId}, e);
        VERIFY_EXIT(fail1, 1);
        VERIFY_EXIT(fail2, 1);
        QCOMPARE(fail2.err, fail1.err);
    }

    // ---- 2. client credentials on the fly ---------------------------------------------------

    void clientCredentialsSamples()
    {
        const QStringList expected = sandboxSampleIds(m_http->clientToken(m_pipelineId, m_pipelineSecret));
        QVERIFY(expected.size() >= 4);

        const Run all = asPipeline({u"--json"_s, u"samples"_s, u"--all"_s});
        VERIFY_EXIT(all, 0);
        const QJsonObject listing = all.json().toObject();
        const QJsonArray result = listing.value(u"result").toArray();
        QCOMPARE(listing.value(u"count").toInt(), int(result.size()));
        QCOMPARE(idsOf(result), expected);
        QVERIFY(listing.value(u"next_page").isNull());
        QVERIFY(!idsOf(result).contains(m_genomic));
        QVERIFY(idsOf(result).contains(m_appGenomic));

        // Page by page: pages 1 and 2 of 2 are the first four of the whole list.
        const Run page1 = asPipeline({u"samples"_s, u"--json"_s, u"--limit"_s, u"2"_s});
        const Run page2 = asPipeline({u"samples"_s, u"--json"_s, u"--limit"_s, u"2"_s, u"--page"_s, u"2"_s});
        VERIFY_EXIT(page1, 0);
        VERIFY_EXIT(page2, 0);
        QCOMPARE(page1.json().toObject().value(u"next_page").toInt(), 2);
        QCOMPARE(page2.json().toObject().value(u"next_page").toInt(), expected.size() > 4 ? 3 : 0);
        QCOMPARE(idsOf(page1.json().toObject().value(u"result").toArray()), expected.mid(0, 2));
        QCOMPARE(idsOf(page2.json().toObject().value(u"result").toArray()), expected.mid(2, 2));
        QCOMPARE(page1.json().toObject().value(u"count").toInt(), int(expected.size()));

        // The human table: the same rows, aligned; the count and the next page on stderr.
        const Run table = asPipeline({u"samples"_s, u"--all"_s});
        VERIFY_EXIT(table, 0);
        const QString problem = checkSamplesTable(table.outText(), result);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(table.errText().contains(u"%1 sample(s) shown of %1"_s.arg(expected.size())),
                 table.describe().constData());
        const Run tablePage = asPipeline({u"samples"_s, u"--limit"_s, u"2"_s});
        VERIFY_EXIT(tablePage, 0);
        QVERIFY2(tablePage.errText().contains(u"next page: --page 2"_s), tablePage.describe().constData());

        // The secret from a file instead of the environment: the same listing.
        const QString secretFile = m_home->path(u"home"_s) + u"/pipeline.secret"_s;
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_pipelineSecret.toUtf8() + '\n');
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        const Run fromFile =
            bge(pipeline({u"--client-secret-file"_s, secretFile, u"--json"_s, u"samples"_s, u"--all"_s}),
                env(*m_home));
        VERIFY_EXIT(fromFile, 0);
        QCOMPARE(fromFile.out, all.out);
        // A filter: the app's genomics samples only.
        const Run genomics = asPipeline({u"samples"_s, u"--all"_s, u"--json"_s, u"--omics"_s, u"genomics"_s});
        VERIFY_EXIT(genomics, 0);
        const QJsonArray filtered = genomics.json().toObject().value(u"result").toArray();
        QVERIFY(!filtered.isEmpty() && filtered.size() < result.size());
        for (const QJsonValue& s : filtered)
            QCOMPARE(s.toObject().value(u"omic").toObject().value(u"code").toInt(), 1);

        // Without a secret, client credentials are impossible; the message says how.
        const Run noSecret = bge(pipeline({u"samples"_s}), env(*m_home));
        VERIFY_EXIT(noSecret, 3);
        QVERIFY2(noSecret.errText().contains(u"BGE_CLIENT_SECRET"_s), noSecret.describe().constData());
        // Nothing is kept from client credentials on the fly.
        QCOMPARE(keychainItemCount(), 0);
    }

    // bge upload / bge download as a script runs them: PutObject and multipart, --json, resume
    // state in the data folder, a name clash refused then --overwrite, downloads byte-identical.
    void uploadAndDownload()
    {
        const auto makeFile = [this](const QString& name, qint64 size) {
            QFile f(m_home->path(u"tmp"_s) + u'/' + name);
            if (!f.open(QIODevice::WriteOnly))
                return QString();
            QByteArray block(1 << 20, Qt::Uninitialized);
            for (qint64 written = 0, i = 0; written < size; ++i) {
                for (qsizetype k = 0; k < block.size(); ++k)
                    block[k] = char((k * 31 + i * 7 + size) & 0xff);
                const qint64 n = std::min<qint64>(block.size(), size - written);
                f.write(block.constData(), n);
                written += n;
            }
            return f.fileName();
        };
        const QString small = makeFile(u"reads_small.fastq"_s, 3 * 1024 * 1024 + 17);
        const QString large = makeFile(u"reads_large.bam"_s, 101LL * 1024 * 1024 + 5); // multipart from 100 MiB
        QVERIFY(!small.isEmpty() && !large.isEmpty());

        const Run up = asPipeline({u"upload"_s, small, large, u"--json"_s, u"--jobs"_s, u"3"_s, u"--part-size"_s, u"8M"_s});
        VERIFY_EXIT(up, 0);
        const QJsonArray uploaded = up.json().toArray();
        QCOMPARE(uploaded.size(), 2);
        for (qsizetype i = 0; i < uploaded.size(); ++i) {
            const QJsonObject o = uploaded[i].toObject();
            const QString file = i == 0 ? small : large;
            QCOMPARE(o.value(u"file"_s).toString(), QFileInfo(file).absoluteFilePath());
            QCOMPARE(qint64(o.value(u"size"_s).toDouble()), QFileInfo(file).size());
            QVERIFY(o.value(u"object_name"_s).toString().endsWith(u'/' + QFileInfo(file).fileName()));
            bool isNumber = false;
            o.value(u"crc64"_s).toString().toULongLong(&isNumber);
            QVERIFY(isNumber);
        }
        QVERIFY2(up.errText().contains(u"reads_large.bam"_s), up.describe().constData());

        // The same file again is already uploaded (issue 14 finding 7b); another file of the same
        // name is refused; --overwrite replaces it.
        const Run again = asPipeline({u"upload"_s, small});
        VERIFY_EXIT(again, 0);
        QVERIFY2(again.errText().contains(u"is already uploaded (same size and CRC-64)"_s), again.describe().constData());
        QVERIFY(QDir().mkpath(m_home->path(u"tmp/other"_s)));
        QFile other(m_home->path(u"tmp/other/reads_small.fastq"_s));
        QVERIFY(other.open(QIODevice::WriteOnly) && other.write("another file of the same name") > 0);
        other.close();
        const Run clash = asPipeline({u"upload"_s, other.fileName()});
        VERIFY_EXIT(clash, 3);
        QVERIFY2(clash.errText().contains(u"FileAlreadyExists"_s), clash.describe().constData());
        VERIFY_EXIT(asPipeline({u"upload"_s, small, u"--overwrite"_s}), 0);

        for (qsizetype i = 0; i < uploaded.size(); ++i) {
            const QString object = uploaded[i].toObject().value(u"object_name"_s).toString();
            const QString target = m_home->path(u"tmp"_s) + u"/back-"_s + QString::number(i);
            const Run down = asPipeline({u"download"_s, object, u"-o"_s, target, u"--json"_s});
            VERIFY_EXIT(down, 0);
            QCOMPARE(down.json().toObject().value(u"crc64"_s).toString(),
                     uploaded[i].toObject().value(u"crc64"_s).toString());
            QFile original(i == 0 ? small : large);
            QFile copy(target);
            QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
            QVERIFY2(original.readAll() == copy.readAll(), "the downloaded file differs from the uploaded one");
            // The file exists now and is the object: a rerun has nothing to do (issue 14, soak
            // finding 4c). A different file there is not replaced without --overwrite.
            const Run rerun = asPipeline({u"download"_s, object, u"-o"_s, target});
            VERIFY_EXIT(rerun, 0);
            QVERIFY2(rerun.errText().contains(u"already downloaded"_s), rerun.describe().constData());
            copy.close();
            QVERIFY(copy.open(QIODevice::WriteOnly | QIODevice::Append) && copy.write("x") == 1);
            copy.close();
            VERIFY_EXIT(asPipeline({u"download"_s, object, u"-o"_s, target}), 2);
        }

        // Several objects in one command go into a folder, several at once; --json lists them in
        // the order given, whatever order they finished in.
        const QString folder = m_home->path(u"tmp/both"_s);
        QVERIFY(QDir().mkpath(folder));
        QStringList both{u"download"_s};
        for (const QJsonValue& u : uploaded)
            both << u.toObject().value(u"object_name"_s).toString();
        const Run down = asPipeline(both + QStringList{u"-o"_s, folder, u"--json"_s, u"--jobs"_s, u"2"_s});
        VERIFY_EXIT(down, 0);
        const QJsonArray downloaded = down.json().toArray();
        QCOMPARE(downloaded.size(), 2);
        for (qsizetype i = 0; i < downloaded.size(); ++i) {
            const QJsonObject o = downloaded[i].toObject();
            QCOMPARE(o.value(u"file"_s).toString(),
                     QDir(folder).filePath(QFileInfo(i == 0 ? small : large).fileName()));
            QCOMPARE(o.value(u"crc64"_s).toString(), uploaded[i].toObject().value(u"crc64"_s).toString());
        }
        // Not into one file, and never two objects into the same file.
        VERIFY_EXIT(asPipeline(both + QStringList{u"-o"_s, m_home->path(u"tmp/back-0"_s)}), 2);
        const QString first = uploaded[0].toObject().value(u"object_name"_s).toString();
        VERIFY_EXIT(asPipeline({u"download"_s, first, first, u"-o"_s, folder}), 2);

        VERIFY_EXIT(asPipeline({u"upload"_s}), 2);
        VERIFY_EXIT(asPipeline({u"upload"_s, m_home->path(u"tmp/missing.fastq"_s)}), 2);
        VERIFY_EXIT(asPipeline({u"upload"_s, small, u"--part-size"_s, u"1K"_s}), 2);
        VERIFY_EXIT(asPipeline({u"upload"_s, small, u"--jobs"_s, u"0"_s}), 2);
    }

    // Issue 14, disk and file limits: a download that runs out of room (here a file-size
    // limit, RLIMIT_FSIZE with SIGXFSZ ignored, so write() fails with EFBIG as the disk would
    // with ENOSPC) stops with a sentence that says so and what to do, keeps the bytes it has
    // with their journal, and a rerun with room resumes after them into a byte-identical file.
    void downloadOutOfRoomResumes()
    {
        constexpr qint64 kSize = 12 * 1000 * 1000 + 321;
        constexpr rlim_t kLimit = 4 * 1000 * 1000 + 7; // not on a chunk boundary
        const QString source = m_home->path(u"tmp"_s) + u"/roomless.bin"_s;
        QByteArray content(kSize, Qt::Uninitialized);
        for (qint64 i = 0; i < kSize; ++i)
            content[i] = char((i * 131 + (i >> 12)) & 0xff);
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(content) == kSize);
        }
        const Run up = asPipeline({u"upload"_s, source, u"--json"_s});
        VERIFY_EXIT(up, 0);
        const QString object = up.json().toArray().first().toObject().value(u"object_name"_s).toString();
        QVERIFY(!object.isEmpty());

        const QString target = m_home->path(u"tmp"_s) + u"/roomless-copy.bin"_s;
        const QStringList download = pipeline({u"download"_s, object, u"-o"_s, target, u"--json"_s});
        const QProcessEnvironment e = env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}});
        // Only the limit: that bge ignores SIGXFSZ itself (and says why it stopped) is part of
        // what this proves.
        Run cut = runProgram(bgePath(), download, e, {}, [] {
            ::signal(SIGXFSZ, SIG_DFL);
            const struct rlimit limit{kLimit, kLimit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        m_transcript.append(cut);
        QVERIFY2(cut.finished, cut.describe().constData());
        QVERIFY2(cut.exitCode != 0, cut.describe().constData());
        QVERIFY2(cut.errText().contains(u"cannot grow any larger here"_s), cut.describe().constData());
        QVERIFY2(cut.errText().contains(u"run the download again to resume it (the 4 MB already downloaded are kept)"_s),
                 cut.describe().constData());
        QVERIFY(cut.out.isEmpty());
        QVERIFY(!QFile::exists(target));
        // Everything the limit allowed is kept, and it is the object's own beginning.
        QFile partial(target + u".bgepart"_s);
        QVERIFY(partial.open(QIODevice::ReadOnly));
        const QByteArray kept = partial.readAll();
        QCOMPARE(kept.size(), qsizetype(kLimit));
        QVERIFY(kept == content.left(kept.size()));
        QVERIFY(QFile::exists(target + u".bgepart.json"_s));

        // With room again: resumed after the kept bytes, complete, identical, nothing left over.
        const Run again = bge(download, e);
        VERIFY_EXIT(again, 0);
        QCOMPARE(qint64(again.json().toObject().value(u"resumed_from"_s).toDouble()), qint64(kLimit));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY2(copy.readAll() == content, "the resumed download differs from the object");
        QVERIFY(!QFile::exists(target + u".bgepart"_s));
        QVERIFY(!QFile::exists(target + u".bgepart.json"_s));
    }

    void clientCredentialsSampleAndExternals()
    {
        const Run one = asPipeline({u"sample"_s, m_appGenomic, u"--json"_s});
        VERIFY_EXIT(one, 0);
        const QJsonObject sample = one.json().toObject();
        QCOMPARE(sample.value(u"biosample_id").toString(), m_appGenomic);
        // Ids are case-insensitive for the platform.
        const Run lower = asPipeline({u"sample"_s, m_appGenomic.toLower(), u"--json"_s});
        VERIFY_EXIT(lower, 0);
        QCOMPARE(lower.json().toObject().value(u"biosample_id").toString(), m_appGenomic);

        const Run human = asPipeline({u"sample"_s, m_appGenomic});
        VERIFY_EXIT(human, 0);
        QVERIFY2(QRegularExpression(u"^Biosample id: +%1$"_s.arg(m_appGenomic),
                                    QRegularExpression::MultilineOption)
                     .match(human.outText())
                     .hasMatch(),
                 human.describe().constData());
        const QString status = sample.value(u"status").toObject().value(u"display").toString();
        QVERIFY2(human.outText().contains(
                     u"%1 (%2)"_s.arg(status).arg(sample.value(u"status").toObject().value(u"code").toInt())),
                 human.describe().constData());

        const QString external = sample.value(u"external_sample_id").toString();
        QVERIFY(!external.isEmpty());
        // The platform requires the project (41001 otherwise).
        const QString project = sample.value(u"project").toArray().first().toObject().value(u"project_id").toString();
        const Run ext = asPipeline({u"externals"_s, external, u"unknown-kit-0"_s, u"--project"_s, project, u"--json"_s});
        VERIFY_EXIT(ext, 0);
        const QJsonArray mappings = ext.json().toArray();
        QCOMPARE(mappings.size(), 1);
        QCOMPARE(mappings.first().toObject().value(u"biosample_id").toString(), m_appGenomic);

        const Run extTable = asPipeline({u"externals"_s, external + u",unknown-kit-0"_s, u"--project"_s, project});
        VERIFY_EXIT(extTable, 0);
        const Table t = parseTable(extTable.outText());
        QVERIFY2(t.problem.isEmpty(), qPrintable(t.problem));
        QCOMPARE(t.headers, (QStringList{u"EXTERNAL ID"_s, u"BIOSAMPLE ID"_s}));
        QCOMPARE(t.rows.size(), 1);
        QCOMPARE(t.rows.first(), (QStringList{external, m_appGenomic}));
    }

    void clientCredentialsRegisterAndImprove()
    {
        const Run one = asPipeline({u"sample"_s, m_appGenomic, u"--json"_s});
        VERIFY_EXIT(one, 0);
        const QString project = one.json()
                                    .toObject()
                                    .value(u"project")
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"project_id")
                                    .toString();
        QVERIFY(!project.isEmpty());
        const int before = int(sandboxSampleIds(m_http->clientToken(m_pipelineId, m_pipelineSecret)).size());

        const QString external = u"CLI-KIT-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        const Run reg = asPipeline({u"register-sample"_s, u"--external-id"_s, external, u"--site"_s,
                                    u"blood"_s, u"--project"_s, project, u"library_strategy=WGS"_s});
        VERIFY_EXIT(reg, 0);
        const QString id = reg.outText().trimmed();
        QVERIFY2(QRegularExpression(u"^E-B\\d{11}$"_s).match(id).hasMatch(),
                 reg.describe().constData()); // B: blood
        QCOMPARE(reg.outText(), id + u'\n');

        Run created = asPipeline({u"sample"_s, id, u"--json"_s});
        VERIFY_EXIT(created, 0);
        QCOMPARE(created.json().toObject().value(u"biosample_id").toString(), id);
        QCOMPARE(created.json().toObject().value(u"external_sample_id").toString(), external);
        QCOMPARE(created.json().toObject().value(u"status").toObject().value(u"code").toInt(), 1001);
        QCOMPARE(created.json().toObject().value(u"library_strategy").toString(), u"WGS"_s);
        QVERIFY(created.json().toObject().value(u"library_id").isNull());
        const Run all = asPipeline({u"samples"_s, u"--all"_s, u"--json"_s});
        VERIFY_EXIT(all, 0);
        QCOMPARE(all.json().toObject().value(u"count").toInt(), before + 1);
        QVERIFY(idsOf(all.json().toObject().value(u"result").toArray()).contains(id));
        const Run ext = asPipeline({u"externals"_s, external, u"--project"_s, project, u"--json"_s});
        VERIFY_EXIT(ext, 0);
        QCOMPARE(ext.json().toArray().first().toObject().value(u"biosample_id").toString(), id);

        // The same external id twice is refused unless asked for; --json prints the id as JSON.
        const Run again = asPipeline({u"register-sample"_s, u"--external-id"_s, external, u"--site"_s,
                                      u"11"_s, u"--project"_s, project});
        VERIFY_EXIT(again, 1);
        QVERIFY2(again.errText().contains(u"error 41001"_s), again.describe().constData());
        const Run duplicate =
            asPipeline({u"--json"_s, u"register-sample"_s, u"--external-id"_s, external, u"--site"_s,
                        u"blood"_s, u"--project"_s, project, u"--allow-duplicate"_s});
        VERIFY_EXIT(duplicate, 0);
        QVERIFY(duplicate.json().isString());
        QVERIFY(duplicate.json().toString() != id);

        const Run improve =
            asPipeline({u"improve-sample"_s, id, u"library_id=LIB-CLI-1"_s, u"library_layout=PAIRED"_s});
        VERIFY_EXIT(improve, 0);
        QVERIFY2(improve.errText().contains(u"Updated %1: library_id, library_layout"_s.arg(id)),
                 improve.describe().constData());
        created = asPipeline({u"sample"_s, id, u"--json"_s});
        QCOMPARE(created.json().toObject().value(u"library_id").toString(), u"LIB-CLI-1"_s);
        QCOMPARE(created.json().toObject().value(u"library_layout").toString(), u"PAIRED"_s);

        // A field is set once, never changed.
        const Run change = asPipeline({u"improve-sample"_s, id, u"library_id=LIB-CLI-2"_s});
        VERIFY_EXIT(change, 1);
        QVERIFY2(change.errText().contains(u"41001"_s), change.describe().constData());
        QVERIFY2(change.errText().contains(u"参数错误"_s), change.describe().constData());
        QVERIFY(change.out.isEmpty());
        created = asPipeline({u"sample"_s, id, u"--json"_s});
        QCOMPARE(created.json().toObject().value(u"library_id").toString(), u"LIB-CLI-1"_s);
    }

    void clientCredentialsVariantsBeyondAHundred()
    {
        // 120 rsids, known (catalogued) ones spread over both halves, the rest unknown.
        const QStringList known{u"rs762551"_s, u"rs671"_s,     u"rs1229984"_s, u"rs4988235"_s,
                                u"rs333"_s,    u"rs4149056"_s, u"rs1801133"_s, u"rs429358"_s,
                                u"rs7412"_s,   u"rs9939609"_s};
        QStringList rsids;
        for (int i = 0; i < 120; ++i)
            rsids.append(i % 12 == 5 ? known[i / 12] : u"rs9%1"_s.arg(70000000 + i));
        QCOMPARE(QSet<QString>(rsids.cbegin(), rsids.cend()).size(), 120);

        const Run all =
            asPipeline(QStringList{u"variants"_s, m_appGenomic} + rsids + QStringList{u"--json"_s});
        VERIFY_EXIT(all, 0);
        QVERIFY(all.json().isArray());
        const QSet<QString> found = rsidsOf(all.json().toArray());
        QCOMPARE(found, QSet<QString>(known.cbegin(), known.cend()));
        QCOMPARE(all.json().toArray().size(), known.size());

        // Two calls of sixty give the same set.
        const Run first =
            asPipeline(QStringList{u"variants"_s, m_appGenomic, u"--json"_s} + rsids.mid(0, 60));
        const Run second = asPipeline(QStringList{u"variants"_s, m_appGenomic, u"--json"_s} + rsids.mid(60));
        VERIFY_EXIT(first, 0);
        VERIFY_EXIT(second, 0);
        QVERIFY(!rsidsOf(first.json().toArray()).isEmpty());
        QVERIFY(!rsidsOf(second.json().toArray()).isEmpty());
        QCOMPARE(rsidsOf(first.json().toArray()) + rsidsOf(second.json().toArray()), found);
        // Record for record the same, whichever batch it came in.
        QHash<QString, QJsonObject> byRsid;
        for (const Run* r : {&first, &second}) {
            for (const QJsonValue& v : r->json().toArray())
                byRsid.insert(v.toObject().value(u"alternate_id").toArray().first().toString(), v.toObject());
        }
        for (const QJsonValue& v : all.json().toArray())
            QCOMPARE(v.toObject(),
                     byRsid.value(v.toObject().value(u"alternate_id").toArray().first().toString()));

        // Rsids from standard input (new lines, commas, upper case) and from a file.
        const Run fromStdin = asPipeline({u"variants"_s, m_appGenomic, u"--file"_s, u"-"_s, u"--json"_s},
                                         rsids.join(u'\n').toUpper().toUtf8() + ",\n");
        VERIFY_EXIT(fromStdin, 0);
        QCOMPARE(fromStdin.out, all.out);
        const QString listFile = m_home->path(u"home"_s) + u"/rsids.txt"_s;
        QFile f(listFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(rsids.mid(30).join(u", "_s).toUtf8());
        f.close();
        const Run fromFile = asPipeline(
            QStringList{u"variants"_s, m_appGenomic, u"--file"_s, listFile, u"--json"_s} + rsids.mid(0, 30));
        VERIFY_EXIT(fromFile, 0);
        QCOMPARE(rsidsOf(fromFile.json().toArray()), found);

        // The human table: one aligned row per record, in the same order.
        const Run table = asPipeline(QStringList{u"variants"_s, m_appGenomic} + rsids);
        VERIFY_EXIT(table, 0);
        const Table t = parseTable(table.outText());
        QVERIFY2(t.problem.isEmpty(), qPrintable(t.problem));
        QCOMPARE(t.headers, (QStringList{u"RSID"_s, u"GENE"_s, u"POSITION"_s, u"REF"_s, u"ALT"_s,
                                         u"GENOTYPE"_s, u"ZYGOSITY"_s, u"DP"_s, u"GQ"_s, u"ALT FREQ"_s}));
        QCOMPARE(t.rows.size(), all.json().toArray().size());
        for (qsizetype i = 0; i < t.rows.size(); ++i) {
            const QJsonObject v = all.json().toArray().at(i).toObject();
            QCOMPARE(t.rows[i].first(), v.value(u"alternate_id").toArray().first().toString());
            QCOMPARE(t.rows[i].at(3), v.value(u"variant").toObject().value(u"reference_base").toString());
        }
        QVERIFY2(table.errText().contains(u"%1 variant(s)"_s.arg(known.size())),
                 table.describe().constData());
    }

    void invalidRsidIsRefusedBeforeAnyCall()
    {
        const QString dead = u"http://127.0.0.1:%1"_s.arg(closedPort());
        const QProcessEnvironment e = env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}});
        const QStringList base{u"--verbose"_s, u"--endpoint"_s,    dead, u"--client-id"_s, m_pipelineId,
                               u"variants"_s,  u"E-B12345678901"_s};
        for (const QString& bad : {u"rs12a"_s, u"12345"_s, u"rsx"_s}) {
            const Run r = bge(base + QStringList{u"rs671"_s, bad}, e);
            VERIFY_EXIT(r, 2);
            QVERIFY2(r.errText().contains(u"not an rsid (rs followed by digits): %1"_s.arg(bad)),
                     r.describe().constData());
            QVERIFY2(!r.errText().contains(u"GET /"_s) && !r.errText().contains(u"POST /"_s),
                     r.describe().constData());
        }
        // The same command with good rsids does go to the (dead) network: 3, not 2.
        const Run good = bge(base + QStringList{u"rs671"_s}, e);
        VERIFY_EXIT(good, 3);
    }

    void clientCredentialsModels()
    {
        const QJsonArray models = m_sandbox.description().value(u"model_details").toArray();
        QVERIFY(!models.isEmpty());
        for (const QJsonValue& v : models) {
            const QString id = v.toObject().value(u"model_id").toString();
            const QString sample = modelSample(v.toObject(), m_appGenomic, m_appMetagenomic);
            const Run r = asPipeline({u"model"_s, id, u"biosample_id="_s + sample, u"--json"_s});
            VERIFY_EXIT(r, 0);
            const QJsonObject result = r.json().toObject();
            QCOMPARE(result.value(u"model_code").toInt(-1), 0);
            QCOMPARE(result.value(u"model_msg").toString(), u"success"_s);
            QVERIFY(!result.value(u"model_data").toObject().value(u"predict_class").toString().isEmpty());

            const Run human = asPipeline({u"model"_s, id, u"biosample_id="_s + sample});
            VERIFY_EXIT(human, 0);
            QVERIFY2(QRegularExpression(u"^model_code: +0$"_s, QRegularExpression::MultilineOption)
                         .match(human.outText())
                         .hasMatch(),
                     human.describe().constData());
            QVERIFY2(human.outText().contains(
                         result.value(u"model_data").toObject().value(u"predict_class").toString()),
                     human.describe().constData());
        }
        const Run unknown = asPipeline({u"model"_s, u"NoSuchModel0000"_s, u"biosample_id="_s + m_appGenomic});
        VERIFY_EXIT(unknown, 1);
        QVERIFY2(unknown.errText().contains(u"error 41202"_s), unknown.describe().constData());
        QVERIFY(unknown.out.isEmpty());
        // A genotype model on a metagenomic sample runs but cannot interpret it: exit 1.
        for (const QJsonValue& v : models) {
            if (v.toObject().value(u"omics").toString() != u"genomics")
                continue;
            const Run wrong = asPipeline({u"model"_s, v.toObject().value(u"model_id").toString(),
                                          u"biosample_id="_s + m_appMetagenomic, u"--json"_s});
            VERIFY_EXIT(wrong, 1);
            QVERIFY(wrong.json().toObject().value(u"model_code").toInt() != 0);
            break;
        }
    }

    void clientCredentialsWhoami()
    {
        const Run r = asPipeline({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(r, 0);
        const QJsonObject o = r.json().toObject();
        QVERIFY(o.value(u"user"_s).isNull());
        const QJsonObject token = o.value(u"token"_s).toObject();
        QCOMPARE(token.value(u"grant_type").toString(), u"client_credentials"_s);
        QCOMPARE(token.value(u"client_id").toString(), m_pipelineId);
        QCOMPARE(token.value(u"active").toBool(), true);

        const Run human = asPipeline({u"whoami"_s});
        VERIFY_EXIT(human, 0);
        for (const QString& line :
             {u"^Client: +%1$"_s.arg(m_pipelineId), u"^Grant: +client_credentials$"_s,
              u"^Profile: +default$"_s, u"^Endpoint: +%1/?$"_s.arg(QRegularExpression::escape(m_endpoint)),
              u"^Token active: +yes$"_s})
            QVERIFY2(QRegularExpression(line, QRegularExpression::MultilineOption)
                         .match(human.outText())
                         .hasMatch(),
                     qPrintable(line + u'\n' + human.outText()));
        QVERIFY(!human.outText().contains(u"User:"_s));
    }

    void anotherOwnersSampleIsRefused()
    {
        // The app asks for a user's sample: the platform answers 41303, bge exits with 1.
        for (const QStringList& command :
             {QStringList{u"sample"_s, m_genomic}, QStringList{u"variants"_s, m_genomic, u"rs671"_s},
              QStringList{u"model"_s, u"zS68QlusdT2RWsZ"_s, u"biosample_id="_s + m_metagenomic}}) {
            const Run r = asPipeline(command);
            VERIFY_EXIT(r, 1);
            QVERIFY2(r.errText().contains(u"error 41303: 请提供本人的 biosample_id"_s),
                     r.describe().constData());
            QVERIFY(r.out.isEmpty());
        }
    }

    // ---- 3. signing in through the browser --------------------------------------------------

    void loginThroughTheBrowser()
    {
        const Run in = login(*m_home, m_desktopId, m_desktopSecret, m_user);
        VERIFY_EXIT(in, 0);
        QVERIFY2(in.errText().contains(u"Signed in as 张磊 (zhanglei3)"_s), in.describe().constData());
        QVERIFY(in.out.isEmpty());
        // The browser was given a PKCE, state-protected request with a loopback redirect.
        QFile opened(m_home->path(u"bin"_s) + u"/opened-urls"_s);
        QVERIFY(opened.open(QIODevice::ReadOnly));
        const QUrlQuery q(QUrl(QString::fromUtf8(opened.readAll().trimmed())));
        QCOMPARE(q.queryItemValue(u"client_id"_s), m_desktopId);
        QCOMPARE(q.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(q.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QVERIFY(q.queryItemValue(u"code_challenge"_s).size() >= 43);
        QVERIFY(q.queryItemValue(u"state"_s).size() >= 16);
        QVERIFY(QUrl(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded)).host() == u"127.0.0.1");
        // The session and the client secret are in the keychain, the profile in the settings.
        const std::optional<StoredSession> stored = storedSession(u"default"_s);
        QVERIFY(stored);
        QCOMPARE(stored->clientSecret, m_desktopSecret);
        QVERIFY(!stored->refreshToken.isEmpty() && !stored->accessToken.isEmpty());
        rememberSessionSecrets(u"default"_s);
        QVERIFY(QFile::exists(m_home->settingsFile()));

        // From now on: no secret, no endpoint, no client id in the environment or the arguments.
        Run who = inSession({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        QCOMPARE(who.json().toObject().value(u"user").toObject().value(u"username").toString(), m_user);
        QCOMPARE(who.json().toObject().value(u"token").toObject().value(u"grant_type").toString(),
                 u"authorization_code"_s);
        QCOMPARE(who.json().toObject().value(u"token").toObject().value(u"client_id").toString(),
                 m_desktopId);
        const Run whoHuman = inSession({u"whoami"_s});
        VERIFY_EXIT(whoHuman, 0);
        QVERIFY2(QRegularExpression(u"^User: +zhanglei3$"_s, QRegularExpression::MultilineOption)
                     .match(whoHuman.outText())
                     .hasMatch(),
                 whoHuman.describe().constData());
        QVERIFY2(QRegularExpression(u"^Name: +张磊$"_s, QRegularExpression::MultilineOption)
                     .match(whoHuman.outText())
                     .hasMatch(),
                 whoHuman.describe().constData());

        // The user's samples: the same as the sandbox lists for the user.
        const QStringList expected =
            sandboxSampleIds(m_http->userToken(m_approve, m_desktopId, m_desktopSecret, m_user));
        QVERIFY(expected.size() > 2);
        const Run all = inSession({u"samples"_s, u"--all"_s, u"--json"_s});
        VERIFY_EXIT(all, 0);
        const QJsonArray samples = all.json().toObject().value(u"result").toArray();
        QCOMPARE(all.json().toObject().value(u"count").toInt(), int(expected.size()));
        QCOMPARE(idsOf(samples), expected);
        QVERIFY(expected.contains(m_genomic) && expected.contains(m_metagenomic) &&
                !expected.contains(m_otherGenomic));
        const Run table = inSession({u"samples"_s, u"--all"_s});
        VERIFY_EXIT(table, 0);
        const QString problem = checkSamplesTable(table.outText(), samples);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The check means something only with status names of different widths.
        QSet<int> statusWidths;
        for (const QJsonValue& s : samples)
            statusWidths.insert(
                displayWidth(s.toObject().value(u"status").toObject().value(u"display").toString()));
        QVERIFY(statusWidths.size() >= 2);

        // Taxa of the user's metagenomic sample.
        const Run taxa = inSession({u"taxa"_s, m_metagenomic, u"--limit"_s, u"10"_s, u"--json"_s});
        VERIFY_EXIT(taxa, 0);
        const QJsonArray taxonRecords = taxa.json().toArray();
        QCOMPARE(taxonRecords.size(), 10);
        const Run taxaTable = inSession({u"taxa"_s, m_metagenomic, u"--limit"_s, u"10"_s});
        VERIFY_EXIT(taxaTable, 0);
        const Table tt = parseTable(taxaTable.outText());
        QVERIFY2(tt.problem.isEmpty(), qPrintable(tt.problem));
        QCOMPARE(tt.headers.first(), u"TAXON ID"_s);
        QCOMPARE(tt.rows.size(), 10);
        for (qsizetype i = 0; i < 10; ++i) {
            const QJsonObject taxonomy = taxonRecords[i].toObject().value(u"taxonomy").toObject();
            QCOMPARE(tt.rows[i].at(0), taxonomy.value(u"taxon_id").toString());
            QCOMPARE(tt.rows[i].at(1), taxonomy.value(u"rank").toString());
        }
        QVERIFY2(taxaTable.errText().contains(u"10 record(s)"_s), taxaTable.describe().constData());
        const Run taxaAll =
            inSession({u"taxa"_s, m_metagenomic, u"--all"_s, u"--limit"_s, u"40"_s, u"--json"_s});
        VERIFY_EXIT(taxaAll, 0);
        QVERIFY(taxaAll.json().toArray().size() > 10);

        // Functions, page by page with the cursor, then all of them.
        const QStringList functions{u"functions"_s, m_metagenomic, u"go"_s, u"--limit"_s, u"5"_s};
        const Run fn1 = inSession(functions + QStringList{u"--json"_s});
        VERIFY_EXIT(fn1, 0);
        const QString cursor = fn1.json().toObject().value(u"next_page").toString();
        QVERIFY2(!cursor.isEmpty(), fn1.describe().constData());
        QCOMPARE(fn1.json().toObject().value(u"result").toArray().size(), 5);
        const Run fnHuman = inSession(functions);
        VERIFY_EXIT(fnHuman, 0);
        const QRegularExpressionMatch next =
            QRegularExpression(u"next page: --page (\\S+)"_s).match(fnHuman.errText());
        QVERIFY2(next.hasMatch(), fnHuman.describe().constData());
        QCOMPARE(next.captured(1), cursor);
        const Table ft = parseTable(fnHuman.outText());
        QVERIFY2(ft.problem.isEmpty(), qPrintable(ft.problem));
        QCOMPARE(ft.headers, (QStringList{u"ID"_s, u"NAME"_s, u"ABUNDANCE %"_s, u"SYSTEM"_s}));
        QCOMPARE(ft.rows.size(), 5);
        for (qsizetype i = 0; i < 5; ++i)
            QCOMPARE(ft.rows[i].first(), functionIds(fn1.json().toObject().value(u"result").toArray()).at(i));
        const Run fn2 = inSession(functions + QStringList{u"--page"_s, cursor, u"--json"_s});
        VERIFY_EXIT(fn2, 0);
        const QStringList page1 = functionIds(fn1.json().toObject().value(u"result").toArray());
        const QStringList page2 = functionIds(fn2.json().toObject().value(u"result").toArray());
        QCOMPARE(page2.size(), 5);
        for (const QString& id : page2)
            QVERIFY(!page1.contains(id));
        const Run fnAll = inSession(
            {u"functions"_s, m_metagenomic, u"go"_s, u"--all"_s, u"--limit"_s, u"50"_s, u"--json"_s});
        VERIFY_EXIT(fnAll, 0);
        const QStringList allIds = functionIds(fnAll.json().toObject().value(u"result").toArray());
        QCOMPARE(fnAll.json().toObject().value(u"count").toInt(), int(allIds.size()));
        QVERIFY(allIds.size() > 10);
        QCOMPARE(QSet<QString>(allIds.cbegin(), allIds.cend()).size(), allIds.size());
        QCOMPARE(allIds.mid(0, 10), page1 + page2);
        QVERIFY(fnAll.json().toObject().value(u"next_page").isNull());

        // Genes: a list, and result files.
        const Run genes = inSession(
            {u"genes"_s, m_metagenomic, u"IGC_9.9M"_s, u"list"_s, u"--limit"_s, u"5"_s, u"--json"_s});
        VERIFY_EXIT(genes, 0);
        QCOMPARE(genes.json().toObject().value(u"result").toArray().size(), 5);
        QVERIFY(!genes.json().toObject().value(u"next_page").toString().isEmpty());
        const Run files =
            inSession({u"genes"_s, m_metagenomic, u"UniRef90_HUMAnN2_0.11"_s, u"file"_s, u"--json"_s});
        VERIFY_EXIT(files, 0);
        const QJsonObject file =
            files.json().toObject().value(u"result").toArray().first().toObject().value(u"file").toObject();
        QVERIFY2(!file.value(u"object_name").toString().isEmpty(), files.describe().constData());
        const Run filesTable = inSession({u"genes"_s, m_metagenomic, u"UniRef90_HUMAnN2_0.11"_s, u"file"_s});
        VERIFY_EXIT(filesTable, 0);
        const Table gt = parseTable(filesTable.outText());
        QVERIFY2(gt.problem.isEmpty(), qPrintable(gt.problem));
        QCOMPARE(gt.rows.first().at(2), file.value(u"md5").toString());
        // UniRef90 has files only: the platform says so.
        const Run uniList = inSession({u"genes"_s, m_metagenomic, u"UniRef90_HUMAnN2_0.11"_s, u"list"_s});
        VERIFY_EXIT(uniList, 1);
        QVERIFY2(uniList.errText().contains(u"error 41001"_s), uniList.describe().constData());

        // Variants of the user's genomic sample.
        const Run variants =
            inSession({u"variants"_s, m_genomic, u"rs762551,rs671"_s, u"rs999999999"_s, u"--json"_s});
        VERIFY_EXIT(variants, 0);
        QCOMPARE(rsidsOf(variants.json().toArray()), (QSet<QString>{u"rs762551"_s, u"rs671"_s}));

        // Every model on the user's samples.
        for (const QJsonValue& v : m_sandbox.description().value(u"model_details").toArray()) {
            const Run r = inSession({u"model"_s, v.toObject().value(u"model_id").toString(),
                                     u"biosample_id="_s + modelSample(v.toObject(), m_genomic, m_metagenomic),
                                     u"--json"_s});
            VERIFY_EXIT(r, 0);
            QCOMPARE(r.json().toObject().value(u"model_code").toInt(-1), 0);
        }

        // Another user's sample is refused by the platform.
        const Run other = inSession({u"sample"_s, m_otherGenomic});
        VERIFY_EXIT(other, 1);
        QVERIFY2(other.errText().contains(u"error 41303"_s), other.describe().constData());
        const Run otherTaxa = inSession({u"taxa"_s, m_otherGenomic});
        VERIFY_EXIT(otherTaxa, 1);
        QVERIFY2(otherTaxa.errText().contains(u"41303"_s), otherTaxa.describe().constData());

        // The stored session served every command and still does.
        who = inSession({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        QCOMPARE(who.json().toObject().value(u"user").toObject().value(u"username").toString(), m_user);
        rememberSessionSecrets(u"default"_s);
        QVERIFY(storedSession(u"default"_s));

        // Signing out forgets the keychain entries; later commands ask for a sign-in.
        const Run out = inSession({u"logout"_s});
        VERIFY_EXIT(out, 0);
        QVERIFY2(out.errText().contains(u"Signed out of profile \"default\""_s), out.describe().constData());
        QCOMPARE(keychainItemCount(), 0);
        for (const QStringList& command : {QStringList{u"whoami"_s}, QStringList{u"samples"_s},
                                           QStringList{u"--json"_s, u"sample"_s, m_genomic}}) {
            const Run r = inSession(command);
            VERIFY_EXIT(r, 3);
            QVERIFY2(r.errText().contains(u"run `bge login`"_s), r.describe().constData());
            QVERIFY(r.out.isEmpty());
        }
    }

    // Issue 14, finding 4: the browser `bge login` starts (and all it starts in turn) never
    // sees the client secret, nor any other secret-bearing variable; it keeps the rest.
    void browserGetsACleanEnvironment()
    {
        QProcessEnvironment e = env(*m_home);
        e.insert(u"DISPLAY"_s, u":77"_s);
        e.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"aws-secret-for-the-test"_s);
        e.insert(u"AWS_SESSION_TOKEN"_s, u"aws-token-for-the-test"_s);
        e.insert(u"BGE_OTHER_TOKEN"_s, u"bge-token-for-the-test"_s);
        const QString dump = m_home->path(u"bin"_s) + u"/browser-environment"_s;
        const QString approve = writeBrowser(*m_home, m_user);
        const QString browser = m_home->path(u"bin"_s) + u"/dump-environment"_s;
        QFile script(browser);
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write("#!/bin/sh\nenv >'" + dump.toUtf8() + "'\nexec '" + approve.toUtf8() + "' \"$@\"\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        e.insert(u"BROWSER"_s, browser);
        e.insert(u"BGE_CLIENT_SECRET"_s, m_desktopSecret);
        const Run in = bge({u"login"_s, u"--endpoint"_s, m_endpoint, u"--client-id"_s, m_desktopId, u"--wait"_s,
                            u"170"_s},
                           e);
        VERIFY_EXIT(in, 0);
        rememberSessionSecrets(u"default"_s);
        QFile seen(dump);
        QVERIFY(seen.open(QIODevice::ReadOnly));
        const QByteArray environment = seen.readAll();
        QVERIFY2(environment.contains(QByteArray("HOME=" + m_home->path(u"home"_s).toUtf8() + '\n')), environment.constData());
        QVERIFY2(environment.contains("DISPLAY=:77\n"), environment.constData());
        QVERIFY2(environment.contains("BROWSER="), environment.constData());
        for (const QByteArray& secret : {m_desktopSecret.toUtf8(), QByteArray("aws-secret-for-the-test"),
                                        QByteArray("aws-token-for-the-test"), QByteArray("bge-token-for-the-test")})
            QVERIFY2(!environment.contains(secret), environment.constData());
        QVERIFY(!environment.contains("BGE_CLIENT_SECRET"));
    }

    void loginWithoutBrowser()
    {
        QProcess p;
        QProcessEnvironment e = env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_desktopSecret}});
        e.insert(u"BROWSER"_s, u"/bin/false"_s); // must not be used
        p.setProcessEnvironment(e);
        const QStringList arguments{u"login"_s,       u"--no-browser"_s, u"--endpoint"_s, m_endpoint,
                                    u"--client-id"_s, m_desktopId,       u"--profile"_s,  u"headless"_s,
                                    u"--wait"_s,      u"170"_s};
        p.start(bgePath(), arguments);
        QVERIFY(p.waitForStarted(60000));
        QByteArray err;
        QUrl url;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError(), url = authorizeUrlIn(err), url.isValid()),
                                 120000);
        QVERIFY(err.contains("Open this address in a browser"));

        // What a browser would do: approve, follow the redirect to the listener.
        QUrlQuery q(url);
        q.addQueryItem(m_approve, m_otherUser);
        url.setQuery(q);
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(120000);
        QNetworkReply* reply = nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(150000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->url().host(), u"127.0.0.1"_s);
        QVERIFY(reply->url().port() != QUrl(m_endpoint).port());
        QVERIFY(reply->readAll().contains("Signed in."));
        reply->deleteLater();

        Run run;
        run.arguments = arguments;
        run.finished = p.waitForFinished(kRunTimeoutMs) && p.exitStatus() == QProcess::NormalExit;
        run.exitCode = p.exitCode();
        run.out = p.readAllStandardOutput();
        run.err = err + p.readAllStandardError();
        m_transcript.append(run);
        VERIFY_EXIT(run, 0);
        QVERIFY2(run.errText().contains(u"Signed in as 刘洋 (%1)"_s.arg(m_otherUser)),
                 run.describe().constData());

        // The named profile became the default one.
        const Run who = inSession({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        QCOMPARE(who.json().toObject().value(u"user").toObject().value(u"username").toString(), m_otherUser);
        QVERIFY(storedSession(u"headless"_s));
        QVERIFY(!storedSession(u"default"_s));
        rememberSessionSecrets(u"headless"_s);
        const Run samples =
            inSession({u"--profile"_s, u"headless"_s, u"sample"_s, m_otherGenomic, u"--json"_s});
        VERIFY_EXIT(samples, 0);
    }

    void loginIgnoresAForeignState()
    {
        QProcess p;
        p.setProcessEnvironment(env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_desktopSecret}}));
        const QStringList arguments{u"login"_s,       u"--no-browser"_s, u"--endpoint"_s, m_endpoint,
                                    u"--client-id"_s, m_desktopId,       u"--wait"_s,     u"170"_s};
        p.start(bgePath(), arguments);
        QVERIFY(p.waitForStarted(60000));
        QByteArray err;
        QUrl url;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError(), url = authorizeUrlIn(err), url.isValid()),
                                 120000);

        // An answer on the redirect URI that did not come from this sign-in.
        QUrl redirect(QUrlQuery(url).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), u"127.0.0.1"_s);
        redirect.setQuery(u"code=forged-code&state=forged-state"_s);
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(redirect);
        request.setTransferTimeout(120000);
        QNetworkReply* reply = nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(150000));
        // The browser is not told that the forged answer signed anyone in.
        const QByteArray page = reply->readAll();
        QVERIFY2(page.contains("Sign-in did not complete"), page.constData());
        QVERIFY(!page.contains("Signed in."));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        reply->deleteLater();
        // An error with a foreign state cannot abort the sign-in either.
        redirect.setQuery(u"error=access_denied&state=forged-state"_s);
        QNetworkReply* denial = nam.get(QNetworkRequest(redirect));
        QSignalSpy denialFinished(denial, &QNetworkReply::finished);
        QVERIFY(denial->isFinished() || denialFinished.wait(150000));
        QCOMPARE(denial->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        denial->deleteLater();
        QVERIFY2(p.state() == QProcess::Running, "a foreign answer must not end the sign-in");
        QVERIFY(!keychainSecret(u"default/refresh-token"_s));

        // The real answer, with this sign-in's state, still completes it.
        QUrlQuery q(url);
        q.addQueryItem(m_approve, m_otherUser);
        url.setQuery(q);
        QNetworkRequest approve(url);
        approve.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        approve.setTransferTimeout(120000);
        QNetworkReply* real = nam.get(approve);
        QSignalSpy realFinished(real, &QNetworkReply::finished);
        QVERIFY(real->isFinished() || realFinished.wait(150000));
        QVERIFY(real->readAll().contains("Signed in."));
        real->deleteLater();

        Run run;
        run.arguments = arguments;
        run.finished = p.waitForFinished(kRunTimeoutMs) && p.exitStatus() == QProcess::NormalExit;
        run.exitCode = p.exitCode();
        run.out = p.readAllStandardOutput();
        run.err = err + p.readAllStandardError();
        m_transcript.append(run);
        VERIFY_EXIT(run, 0);
        QVERIFY(keychainSecret(u"default/refresh-token"_s));
        const Run who = inSession({u"whoami"_s});
        VERIFY_EXIT(who, 0);
    }

    void loginWithClientCredentials()
    {
        // The app's secret once, at login; later commands find it in the keychain.
        const Run in = bge(pipeline({u"login"_s, u"--client-credentials"_s}),
                           env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}));
        VERIFY_EXIT(in, 0);
        QVERIFY2(in.errText().contains(u"Authenticated as the application %1"_s.arg(m_pipelineId)),
                 in.describe().constData());
        QCOMPARE(keychainSecret(u"default/client-secret"_s).value_or(QString()), m_pipelineSecret);
        QVERIFY(!keychainSecret(u"default/refresh-token"_s)); // client-credentials tokens are not kept
        // Found by the fault soak: a profile bge saved for a sandbox someone runs (a loopback
        // endpoint) was of the "sandbox" kind, which bge-desktop opens by starting a sandbox of its
        // own and then overwrites with that one's endpoint and client.
        QCOMPARE(QSettings(m_home->settingsFile(), QSettings::IniFormat).value(u"profiles/default/kind"_s).toString(),
                 u"custom"_s);
        const Run who = inSession({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        QCOMPARE(who.json().toObject().value(u"token").toObject().value(u"grant_type").toString(),
                 u"client_credentials"_s);
        QCOMPARE(who.json().toObject().value(u"token").toObject().value(u"client_id").toString(),
                 m_pipelineId);
        const Run sample = inSession({u"sample"_s, m_appGenomic, u"--json"_s});
        VERIFY_EXIT(sample, 0);
        QCOMPARE(sample.json().toObject().value(u"biosample_id").toString(), m_appGenomic);

        const Run out = inSession({u"logout"_s});
        VERIFY_EXIT(out, 0);
        QCOMPARE(keychainItemCount(), 0);
        const Run after = inSession({u"whoami"_s});
        VERIFY_EXIT(after, 3);
        QVERIFY2(after.errText().contains(u"BGE_CLIENT_SECRET"_s), after.describe().constData());
    }

    void anotherClientIdDoesNotUseTheStoredSession()
    {
        const Run in = login(*m_home, m_desktopId, m_desktopSecret, m_user);
        VERIFY_EXIT(in, 0);
        rememberSessionSecrets(u"default"_s);
        const std::optional<StoredSession> before = storedSession(u"default"_s);
        QVERIFY(before);

        // Another app's id and secret on the command line: that app, not the stored user session.
        const Run app = bge({u"--client-id"_s, m_pipelineId, u"whoami"_s, u"--json"_s},
                            env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}));
        VERIFY_EXIT(app, 0);
        QCOMPARE(app.json().toObject().value(u"token").toObject().value(u"client_id").toString(),
                 m_pipelineId);
        QCOMPARE(app.json().toObject().value(u"token").toObject().value(u"grant_type").toString(),
                 u"client_credentials"_s);
        const Run appSample = bge({u"--client-id"_s, m_pipelineId, u"sample"_s, m_appGenomic, u"--json"_s},
                                  env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}));
        VERIFY_EXIT(appSample, 0);
        // Another app without its secret: the stored user's secret is not the app's.
        const Run noSecret = bge({u"--client-id"_s, m_pipelineId, u"whoami"_s}, env(*m_home));
        VERIFY_EXIT(noSecret, 3);

        // Nor is it the secret a sign-in with another app would use.
        QProcessEnvironment viewer = env(*m_home);
        viewer.insert(u"BROWSER"_s, writeBrowser(*m_home, m_user));
        const Run viewerLogin =
            bge({u"login"_s, u"--client-id"_s, m_viewerId, u"--wait"_s, u"170"_s}, viewer);
        VERIFY_EXIT(viewerLogin, 2);
        QVERIFY2(viewerLogin.errText().contains(u"the client secret is needed once"_s),
                 viewerLogin.describe().constData());

        // The user's session is untouched and still works.
        const std::optional<StoredSession> after = storedSession(u"default"_s);
        QVERIFY(after);
        QCOMPARE(after->refreshToken, before->refreshToken);
        QCOMPARE(after->clientSecret, m_desktopSecret);
        const Run who = inSession({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        QCOMPARE(who.json().toObject().value(u"user").toObject().value(u"username").toString(), m_user);
        rememberSessionSecrets(u"default"_s);
    }

    // ---- 4. token expiry across commands ----------------------------------------------------

    void expiredTokensAreRenewedAcrossCommands()
    {
        SandboxProcess shortLived;
        QVERIFY2(shortLived.start({u"--token-ttl"_s, u"3"_s}), qPrintable(shortLived.errorOutput()));
        const QString endpoint = shortLived.apiEndpoint();
        const QString secret = shortLived.clientById(m_desktopId).value(u"client_secret").toString();
        const Run in = login(*m_home, m_desktopId, secret, m_user, {}, endpoint);
        VERIFY_EXIT(in, 0);
        const std::optional<StoredSession> first = storedSession(u"default"_s);
        QVERIFY(first && !first->refreshToken.isEmpty());
        rememberSessionSecrets(u"default"_s);

        QTest::qSleep(4000); // the access token has expired
        const Run who = inSession({u"whoami"_s, u"--json"_s});
        VERIFY_EXIT(who, 0);
        QCOMPARE(who.json().toObject().value(u"user").toObject().value(u"username").toString(), m_user);
        QVERIFY(who.json().toObject().value(u"token").toObject().value(u"active").toBool());
        const std::optional<StoredSession> second = storedSession(u"default"_s);
        QVERIFY(second);
        QVERIFY2(second->refreshToken != first->refreshToken, "the rotated refresh token was stored");
        QVERIFY(second->accessToken != first->accessToken);
        rememberSessionSecrets(u"default"_s);

        // The first refresh token was used up; only the stored, rotated one can work now.
        QTest::qSleep(4000);
        const Run samples = inSession({u"samples"_s, u"--json"_s, u"--limit"_s, u"5"_s});
        VERIFY_EXIT(samples, 0);
        QCOMPARE(samples.json().toObject().value(u"result").toArray().size(), 5);
        const std::optional<StoredSession> third = storedSession(u"default"_s);
        QVERIFY(third && third->refreshToken != second->refreshToken);
        rememberSessionSecrets(u"default"_s);
        const Run again = inSession({u"whoami"_s});
        VERIFY_EXIT(again, 0);
        rememberSessionSecrets(u"default"_s);
    }

    // ---- 5. errors ------------------------------------------------------------------------

    void deadEndpointFailsAsTransport()
    {
        const QString dead = u"http://127.0.0.1:%1"_s.arg(closedPort());
        QElapsedTimer timer;
        timer.start();
        const Run r = bge({u"--endpoint"_s, dead, u"--client-id"_s, m_pipelineId, u"samples"_s},
                          env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}));
        const qint64 elapsed = timer.elapsed();
        VERIFY_EXIT(r, 3);
        // One line that says what happened.
        QVERIFY2(r.errText().startsWith(u"bge: "_s) && r.err.count('\n') == 1, r.describe().constData());
        QVERIFY2(r.errText().contains(u"Could not reach the platform"_s), r.describe().constData());
        QVERIFY(r.out.isEmpty());
        qInfo("a refused connection took %lld ms", elapsed);
        // A refused connection is not worth minutes of retries (generous for a loaded machine).
        QVERIFY2(elapsed < 60000, qPrintable(u"%1 ms"_s.arg(elapsed)));
    }

    void plainHttpIsRefusedOffLoopback()
    {
        for (const QString& endpoint : {u"http://example.org"_s, u"http://10.1.2.3:8080"_s}) {
            const Run r = bge({u"--endpoint"_s, endpoint, u"--client-id"_s, m_pipelineId, u"samples"_s},
                              env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret}}));
            VERIFY_EXIT(r, 2);
            QVERIFY2(r.errText().startsWith(u"bge: "_s), r.describe().constData());
            QVERIFY2(r.errText().contains(u"https"_s), r.describe().constData());
        }
        // From the environment too.
        const Run r = bge({u"--client-id"_s, m_pipelineId, u"samples"_s},
                          env(*m_home, {{u"BGE_CLIENT_SECRET"_s, m_pipelineSecret},
                                        {u"BGE_ENDPOINT"_s, u"http://example.org"_s}}));
        VERIFY_EXIT(r, 2);
    }

    void readOnlyAppCannotWrite()
    {
        const Run in = login(*m_home, m_viewerId, m_viewerSecret, m_user);
        VERIFY_EXIT(in, 0);
        rememberSessionSecrets(u"default"_s);
        const Run list = inSession({u"samples"_s, u"--json"_s, u"--limit"_s, u"3"_s});
        VERIFY_EXIT(list, 0);
        const QString project = list.json()
                                    .toObject()
                                    .value(u"result")
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"project")
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"project_id")
                                    .toString();
        QVERIFY(!project.isEmpty());
        const Run reg = inSession({u"register-sample"_s, u"--external-id"_s, u"VIEWER-1"_s, u"--site"_s,
                                   u"feces"_s, u"--project"_s, project});
        VERIFY_EXIT(reg, 1);
        QVERIFY2(reg.errText().contains(u"error 401: 无访问权限"_s), reg.describe().constData());
        QVERIFY(reg.out.isEmpty());
        const Run improve = inSession({u"improve-sample"_s, m_genomic, u"library_id=X"_s});
        VERIFY_EXIT(improve, 1);
        QVERIFY2(improve.errText().contains(u"401"_s), improve.describe().constData());
        const Run variants = inSession({u"variants"_s, m_genomic, u"rs671"_s});
        VERIFY_EXIT(variants, 1);
        QVERIFY2(variants.errText().contains(u"401"_s), variants.describe().constData());
    }

    // ---- 6. no keychain ---------------------------------------------------------------------

    void withoutKeychain_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("disabled bus") << u"disabled-bus"_s;
        QTest::newRow("no session bus") << u"no-session-bus"_s;
    }
    void withoutKeychain()
    {
        QFETCH(QString, mode);
        QProcessEnvironment e = env(*m_home);
        for (const char* name :
             {"DISPLAY", "WAYLAND_DISPLAY", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "XDG_CURRENT_DESKTOP",
              "XDG_SESSION_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION"})
            e.remove(QString::fromLatin1(name));
        if (mode == u"disabled-bus") {
            e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"disabled:"_s);
        } else {
            e.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
            e.insert(u"XDG_RUNTIME_DIR"_s, m_home->path(u"runtime"_s)); // no bus socket in it
        }

        // Client credentials need no keychain: a clean run, JSON only on stdout.
        QProcessEnvironment withSecret = e;
        withSecret.insert(u"BGE_CLIENT_SECRET"_s, m_pipelineSecret);
        const Run list = bge(pipeline({u"samples"_s, u"--json"_s, u"--limit"_s, u"3"_s}), withSecret);
        VERIFY_EXIT(list, 0);
        QCOMPARE(list.json().toObject().value(u"result").toArray().size(), 3);
        QVERIFY2(!list.errText().contains(u"warning"_s, Qt::CaseInsensitive), list.describe().constData());
        const Run table = bge(pipeline({u"samples"_s, u"--limit"_s, u"3"_s}), withSecret);
        VERIFY_EXIT(table, 0);
        QVERIFY(parseTable(table.outText()).problem.isEmpty());
        QCOMPARE(parseTable(table.outText()).rows.size(), 3);

        // A sign-in works, with a warning that it lasts for this run only...
        const Run in = login(*m_home, m_desktopId, m_desktopSecret, m_user, {}, {}, e);
        VERIFY_EXIT(in, 0);
        QVERIFY2(in.errText().contains(u"Signed in as 张磊 (zhanglei3)"_s), in.describe().constData());
        QVERIFY2(in.errText().contains(u"bge: warning: "_s), in.describe().constData());
        QVERIFY2(in.errText().contains(u"kept only until this program ends"_s), in.describe().constData());
        QVERIFY(in.out.isEmpty());
        // ...so the next command is not signed in.
        const Run who = bge({u"whoami"_s}, e);
        VERIFY_EXIT(who, 3);
        QVERIFY2(who.errText().contains(u"not signed in"_s), who.describe().constData());
        QVERIFY2(who.errText().contains(u"bge login"_s), who.describe().constData());

        // Nothing reached the real keyring, and no secret reached a file.
        QCOMPARE(keychainItemCount(), 0);
        QVERIFY(QFile::exists(m_home->settingsFile()));
        static const QRegularExpression kTokenShaped(u"[A-Za-z0-9]{30,}"_s);
        for (const auto& [file, content] : m_home->files()) {
            if (file.endsWith(u"/opened-urls"_s))
                continue; // the authorization address (state and PKCE challenge, no secret)
            for (const QString& secret : {m_desktopSecret, m_pipelineSecret})
                QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(file));
            QVERIFY2(!content.contains("token"), qPrintable(file));
            QVERIFY2(!kTokenShaped.match(QString::fromUtf8(content)).hasMatch(),
                     qPrintable(file + u'\n' + QString::fromUtf8(content)));
        }
    }

    // ---- 7. no secret in any file -----------------------------------------------------------

    void noSecretInAnyFileOrOutput()
    {
        const qsizetype firstRun = m_transcript.size();
        const Run in = login(*m_home, m_desktopId, m_desktopSecret, m_user, {u"--profile"_s, u"audit"_s});
        VERIFY_EXIT(in, 0);
        const QList<QStringList> commands{
            {u"whoami"_s},
            {u"--verbose"_s, u"whoami"_s, u"--json"_s},
            {u"--verbose"_s, u"samples"_s, u"--all"_s},
            {u"samples"_s, u"--all"_s, u"--json"_s},
            {u"sample"_s, m_genomic, u"--verbose"_s},
            {u"--verbose"_s, u"functions"_s, m_metagenomic, u"ko"_s, u"--all"_s, u"--limit"_s, u"100"_s,
             u"--json"_s},
            {u"taxa"_s, m_metagenomic, u"--verbose"_s, u"--limit"_s, u"5"_s},
            {u"genes"_s, m_metagenomic, u"UniRef90_HUMAnN2_0.11"_s, u"file"_s, u"--verbose"_s},
            {u"--verbose"_s, u"variants"_s, m_genomic, u"rs671"_s, u"rs762551"_s},
            {u"--verbose"_s, u"model"_s, u"NoSuchModel0000"_s, u"biosample_id="_s + m_genomic},
            {u"--verbose"_s, u"sample"_s, m_otherGenomic},
        };
        for (const QStringList& command : commands) {
            const Run r = inSession(command);
            QVERIFY2(r.finished && r.exitCode <= 1, r.describe().constData());
        }
        // --verbose really logs the requests (so the search below is not vacuous).
        QVERIFY2(m_transcript[firstRun + 3].errText().contains(u"GET /samples"_s),
                 m_transcript[firstRun + 3].describe().constData());

        const std::optional<StoredSession> stored = storedSession(u"audit"_s);
        QVERIFY(stored);
        QCOMPARE(stored->clientSecret, m_desktopSecret);
        QVERIFY(stored->accessToken.size() >= 20 && stored->refreshToken.size() >= 20);
        rememberSessionSecrets(u"audit"_s);
        const QList<QByteArray> secrets{m_desktopSecret.toUtf8(), stored->accessToken.toUtf8(),
                                        stored->refreshToken.toUtf8()};
        QList<QByteArray> forms;
        for (const QByteArray& s : secrets)
            forms << s << s.toBase64() << s.toPercentEncoding() << s.toHex();

        // Every file in HOME and the XDG folders.
        const auto files = m_home->files();
        QVERIFY(files.size() >= 2);
        bool sawSettings = false;
        for (const auto& [file, content] : files) {
            for (const QByteArray& form : forms)
                QVERIFY2(!content.contains(form), qPrintable(file));
            if (file == m_home->settingsFile()) {
                sawSettings = true;
                // The profile is there, without any secret.
                QVERIFY(content.contains("[profiles]") || content.contains("profiles\\audit") ||
                        content.contains("audit"));
                QVERIFY(content.contains(m_desktopId.toUtf8()));
                QVERIFY(content.contains(QUrl(m_endpoint).authority().toUtf8()));
                QVERIFY(content.contains("default_profile=audit"));
                QVERIFY(content.contains("last_username=zhanglei3"));
            }
        }
        QVERIFY(sawSettings);
        // Every output of this session.
        for (qsizetype i = firstRun; i < m_transcript.size(); ++i) {
            for (const QByteArray& form : forms) {
                QVERIFY2(!m_transcript[i].out.contains(form) && !m_transcript[i].err.contains(form),
                         m_transcript[i].describe().constData());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
