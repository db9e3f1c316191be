// The command line's parsing and printing pieces, without a server.
#include "cliarguments.h"
#include "command.h"
#include "optionreader.h"
#include "tableprinter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bge::cli;

class TstCliParts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byteSizes()
    {
        QCOMPARE(parseByteSize(u"5242880"_s), 5242880);
        QCOMPARE(parseByteSize(u"8M"_s), 8 * 1024 * 1024);
        QCOMPARE(parseByteSize(u" 64MiB "_s), 64 * 1024 * 1024);
        QCOMPARE(parseByteSize(u"100k"_s), 100 * 1024);
        QCOMPARE(parseByteSize(u"1g"_s), 1024LL * 1024 * 1024);
        QCOMPARE(parseByteSize(u"2GB"_s), 2 * 1024LL * 1024 * 1024);
        for (const QString& bad : {u""_s, u"M"_s, u"-1M"_s, u"1.5M"_s, u"8T"_s, u"eight"_s})
            QCOMPARE(parseByteSize(bad), -1);
    }

    void globalOptionsStandAnywhere()
    {
        const CommandLine before = parseCommandLine({u"bge"_s, u"--json"_s, u"--profile"_s, u"lab"_s, u"samples"_s,
                                                     u"--limit"_s, u"5"_s});
        const CommandLine after = parseCommandLine({u"bge"_s, u"samples"_s, u"--limit"_s, u"5"_s, u"--profile=lab"_s,
                                                    u"--json"_s});
        for (const CommandLine& cl : {before, after}) {
            QVERIFY(cl.error.isEmpty());
            QCOMPARE(cl.command, u"samples"_s);
            QCOMPARE(cl.global.profile, u"lab"_s);
            QVERIFY(cl.global.json);
            QCOMPARE(cl.arguments, (QStringList{u"--limit"_s, u"5"_s}));
        }
    }

    void clientSecretArgumentIsRefused()
    {
        for (const QStringList& args : {QStringList{u"bge"_s, u"samples"_s, u"--client-secret"_s, u"s3cr3t"_s},
                                        QStringList{u"bge"_s, u"--client-secret=s3cr3t"_s, u"whoami"_s}}) {
            const CommandLine cl = parseCommandLine(args);
            QVERIFY(!cl.error.isEmpty());
            QVERIFY2(!cl.error.contains(u"s3cr3t"_s), "the secret must not be echoed");
        }
    }

    void globalOptionNeedsValue()
    {
        QVERIFY(!parseCommandLine({u"bge"_s, u"samples"_s, u"--profile"_s}).error.isEmpty());
        QVERIFY(!parseCommandLine({u"bge"_s, u"--timeout"_s, u"0"_s, u"samples"_s}).error.isEmpty());
    }

    void doubleDashEndsOptions()
    {
        const CommandLine cl = parseCommandLine({u"bge"_s, u"model"_s, u"--"_s, u"--json"_s});
        QVERIFY(!cl.global.json);
        OptionReader reader({});
        QVERIFY(reader.parse(cl.arguments));
        QCOMPARE(reader.positional(), QStringList{u"--json"_s});
    }

    void commandOptions()
    {
        OptionReader reader({{u"sites"_s, true}, {u"all"_s, false}});
        QVERIFY(reader.parse({u"--sites"_s, u"1,11"_s, u"E-B1"_s, u"--sites=blood"_s, u"--all"_s}));
        QCOMPARE(reader.list(u"sites"_s), (QStringList{u"1"_s, u"11"_s, u"blood"_s}));
        QVERIFY(reader.isSet(u"all"_s));
        QCOMPARE(reader.positional(), QStringList{u"E-B1"_s});

        OptionReader unknown({{u"sites"_s, true}});
        QVERIFY(!unknown.parse({u"--bogus"_s}));
        QVERIFY(unknown.error().contains(u"--bogus"_s));
        OptionReader missing({{u"sites"_s, true}});
        QVERIFY(!missing.parse({u"--sites"_s}));
        OptionReader flagWithValue({{u"all"_s, false}});
        QVERIFY(!flagWithValue.parse({u"--all=yes"_s}));
        OptionReader shortOption({});
        QVERIFY(!shortOption.parse({u"-x"_s}));
    }

    void shortOptions()
    {
        OptionReader reader({{u"output"_s, true, u'o'}, {u"overwrite"_s, false}});
        QVERIFY(reader.parse({u"objects/a.fastq"_s, u"-o"_s, u"/tmp/x"_s, u"--overwrite"_s}));
        QCOMPARE(reader.value(u"output"_s), u"/tmp/x"_s);
        QCOMPARE(reader.positional(), QStringList{u"objects/a.fastq"_s});
        OptionReader unknown({{u"output"_s, true, u'o'}});
        QVERIFY(!unknown.parse({u"-x"_s}));
        OptionReader dangling({{u"output"_s, true, u'o'}});
        QVERIFY(!dangling.parse({u"-o"_s}));
    }

    void splitItemsAcceptsAnySeparator()
    {
        QCOMPARE(splitItems(u"rs1, rs2;rs3\nrs4\trs5,,"_s),
                 (QStringList{u"rs1"_s, u"rs2"_s, u"rs3"_s, u"rs4"_s, u"rs5"_s}));
    }

    void displayWidthCountsWideCharacters()
    {
        QCOMPARE(TablePrinter::displayWidth(u"blood"_s), 5);
        QCOMPARE(TablePrinter::displayWidth(u"开始解读"_s), 8);
        QCOMPARE(TablePrinter::displayWidth(u"a张b"_s), 4);
        QCOMPARE(TablePrinter::displayWidth(u"\x1b"_s), 0);
    }

    void tableColumnsAlignInCells()
    {
        TablePrinter table({u"ID"_s, u"STATUS"_s, u"N"_s});
        table.addRow({u"E-B1"_s, u"开始解读"_s, u"1"_s});
        table.addRow({u"E-F22"_s, u"ok"_s, u"22"_s});
        const QStringList lines = table.render().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        // The third column starts at the same cell offset on every line.
        QList<int> offsets;
        for (const QString& line : lines) {
            const QStringList cells = line.split(u' ', Qt::SkipEmptyParts);
            const qsizetype at = line.lastIndexOf(cells.last());
            offsets.append(TablePrinter::displayWidth(QStringView(line).left(at)));
        }
        QCOMPARE(offsets[1], offsets[0]);
        QCOMPARE(offsets[2], offsets[0]);
    }

    void cellsAreOneLineAndCut()
    {
        TablePrinter table({u"A"_s});
        table.setMaxColumnWidth(10);
        table.addRow({u"line one\nline two that is long"_s});
        const QString text = table.render();
        QCOMPARE(text.count(u'\n'), 2);
        QVERIFY(text.contains(u"…"_s));
        QVERIFY(TablePrinter::displayWidth(text.split(u'\n').at(1)) <= 10);
    }
};

QTEST_APPLESS_MAIN(TstCliParts)
#include "tst_cliparts.moc"
