#include "common/exportbutton.h"
#include "common/tableexporter.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using bge::ui::ExportButton;
using bge::ui::TableExporter;

namespace {

using Rows = QList<QStringList>;

// Cells hostile to both formats: separators, quotes, line breaks, tabs, backslashes, CJK,
// emoji (outside the BMP), leading/trailing spaces, empty cells.
const Rows kRows{
    {u"rs762551"_s, u"CYP1A2"_s, u"0.6715"_s},
    {u"a,b"_s, u"say \"hi\""_s, u"line1\nline2"_s},
    {u"tab\there"_s, u"back\\slash"_s, u"crlf\r\nend"_s},
    {u"拟杆菌属"_s, u"多形拟杆菌 🦠"_s, u""_s},
    {u"  padded  "_s, u"\"quoted\""_s, u"x"_s},
};

std::unique_ptr<QStandardItemModel> makeModel(const QStringList& header, const Rows& rows)
{
    auto model = std::make_unique<QStandardItemModel>(int(rows.size()), int(header.size()));
    model->setHorizontalHeaderLabels(header);
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c)
            model->setItem(r, c, new QStandardItem(rows[r][c]));
    }
    return model;
}

// A strict RFC 4180 reader: what a spreadsheet does with the file.
Rows parseCsv(const QString& text)
{
    Rows rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(std::exchange(field, {}));
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row.append(std::exchange(field, {}));
            rows.append(std::exchange(row, {}));
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QString unescapeTsv(const QString& field)
{
    QString out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == u'\\' && i + 1 < field.size()) {
            const QChar n = field[++i];
            out += n == u't' ? u'\t' : n == u'n' ? u'\n' : n == u'r' ? u'\r' : n;
        } else {
            out += field[i];
        }
    }
    return out;
}

Rows parseTsv(const QString& text)
{
    Rows rows;
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        QStringList row;
        for (const QString& f : line.split(u'\t'))
            row.append(unescapeTsv(f));
        rows.append(row);
    }
    return rows;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestTableExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvQuotesOnlyWhatNeedsIt()
    {
        QCOMPARE(TableExporter::csvField(u"plain"_s), u"plain"_s);
        QCOMPARE(TableExporter::csvField(u"a,b"_s), u"\"a,b\""_s);
        QCOMPARE(TableExporter::csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
        QCOMPARE(TableExporter::csvField(u"two\nlines"_s), u"\"two\nlines\""_s);
        QCOMPARE(TableExporter::csvField(u" lead"_s), u"\" lead\""_s);
        QCOMPARE(TableExporter::csvField(u"多形拟杆菌"_s), u"多形拟杆菌"_s);
        QCOMPARE(TableExporter::csvField(QString()), QString());
    }

    void csvDisarmsFormulasButNotNumbers()
    {
        QCOMPARE(TableExporter::csvField(u"=HYPERLINK(\"http://x\")"_s),
                 u"\"'=HYPERLINK(\"\"http://x\"\")\""_s);
        QCOMPARE(TableExporter::csvField(u"@SUM(A1)"_s), u"'@SUM(A1)"_s);
        QCOMPARE(TableExporter::csvField(u"+cmd"_s), u"'+cmd"_s);
        QCOMPARE(TableExporter::csvField(u"-0.25"_s), u"-0.25"_s);
        QCOMPARE(TableExporter::csvField(u"+1e-5"_s), u"+1e-5"_s);
        // TSV is for scripts: written as is.
        QCOMPARE(TableExporter::tsvField(u"=1+1"_s), u"=1+1"_s);
    }

    void tsvEscapesSeparatorsAndBackslashes()
    {
        QCOMPARE(TableExporter::tsvField(u"a\tb"_s), u"a\\tb"_s);
        QCOMPARE(TableExporter::tsvField(u"a\nb\r"_s), u"a\\nb\\r"_s);
        QCOMPARE(TableExporter::tsvField(u"C:\\data"_s), u"C:\\\\data"_s);
        QCOMPARE(TableExporter::tsvField(u"拟杆菌 \"x\", y"_s), u"拟杆菌 \"x\", y"_s);
    }

    void csvRoundTripsThroughAFile()
    {
        const QStringList header{u"rsid"_s, u"名称"_s, u"value, %"_s};
        auto model = makeModel(header, kRows);
        const QByteArray bytes =
            TableExporter::render(*model, TableExporter::defaultOptions(TableExporter::Format::Csv));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel needs it to read UTF-8
        QVERIFY(bytes.endsWith("\r\n"));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"out.csv"_s);
        QString error;
        QVERIFY2(TableExporter::writeFile(path, bytes, &error), qPrintable(error));
        const QByteArray read = readAll(path);
        QCOMPARE(read, bytes);
        const Rows parsed = parseCsv(QString::fromUtf8(read.mid(3)));
        QCOMPARE(parsed.size(), kRows.size() + 1);
        QCOMPARE(parsed.first(), header);
        for (qsizetype r = 0; r < kRows.size(); ++r)
            QCOMPARE(parsed[r + 1], kRows[r]);
    }

    void tsvRoundTripsWithoutBom()
    {
        const QStringList header{u"a"_s, u"b"_s, u"c"_s};
        auto model = makeModel(header, kRows);
        const QByteArray bytes =
            TableExporter::render(*model, TableExporter::defaultOptions(TableExporter::Format::Tsv));
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes);
        // One line per row: no raw line break or tab survives inside a field.
        QCOMPARE(text.count(u'\n'), kRows.size() + 1);
        QCOMPARE(text.count(u'\t'), (kRows.size() + 1) * 2);
        const Rows parsed = parseTsv(text);
        QCOMPARE(parsed.first(), header);
        for (qsizetype r = 0; r < kRows.size(); ++r)
            QCOMPARE(parsed[r + 1], kRows[r]);
    }

    void formatFollowsTheSuffix()
    {
        QCOMPARE(TableExporter::formatForFileName(u"x.tsv"_s), TableExporter::Format::Tsv);
        QCOMPARE(TableExporter::formatForFileName(u"X.TXT"_s), TableExporter::Format::Tsv);
        QCOMPARE(TableExporter::formatForFileName(u"x.csv"_s), TableExporter::Format::Csv);
        QCOMPARE(TableExporter::formatForFileName(u"x"_s), TableExporter::Format::Csv);
    }

    void writesTheColumnsTheViewShowsInItsOrder()
    {
        auto model = makeModel({u"a"_s, u"b"_s, u"c"_s}, {{u"1"_s, u"2"_s, u"3"_s}});
        QTableView view;
        view.setModel(model.get());
        view.setColumnHidden(1, true);
        view.horizontalHeader()->moveSection(2, 0);
        QCOMPARE(TableExporter::visibleColumns(*view.horizontalHeader()), (QList<int>{2, 0}));
        ExportButton button(&view);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.tsv"_s);
        QSignalSpy exported(&button, &ExportButton::exported);
        QVERIFY(button.exportTo(path));
        QCOMPARE(exported.size(), 1);
        QCOMPARE(readAll(path), QByteArray("c\ta\n3\t1\n"));
    }

    void theDialogIsNonBlockingAndWritesTheChosenFile()
    {
        auto model = makeModel({u"名称"_s}, {{u"多形拟杆菌"_s}});
        QWidget window;
        auto* view = new QTableView(&window);
        view->setModel(model.get());
        auto* button = new ExportButton(view, &window);
        button->setSuggestedName(u"taxa-E-F1"_s);
        window.show();
        QSignalSpy exported(button, &ExportButton::exported);
        QTest::mouseClick(button, Qt::LeftButton); // returns at once: the dialog is open(), not exec()
        QFileDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QFileDialog*>(u"exportDialog"_s)) && dialog->isVisible());
        QVERIFY(dialog->selectedFiles().value(0).endsWith(u"taxa-E-F1.csv"_s));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chosen.csv"_s);
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept is protected; the slot is virtual
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().first().toString(), path);
        QCOMPARE(readAll(path), QByteArray("\xEF\xBB\xBF") + u"名称\r\n多形拟杆菌\r\n"_s.toUtf8());
    }

    void aFileThatCannotBeWrittenIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing/folder/out.csv"_s);
        QString error;
        QVERIFY(!TableExporter::writeFile(path, "x", &error));
        QVERIFY(error.contains(path));
        QVERIFY(!QFile::exists(path));

        auto model = makeModel({u"a"_s}, {{u"1"_s}});
        QTableView view;
        view.setModel(model.get());
        ExportButton button(&view);
        QSignalSpy failed(&button, &ExportButton::failed);
        QVERIFY(!button.exportTo(path));
        QCOMPARE(failed.size(), 1);
    }

    void aFailedWriteLeavesThePreviousFileIntact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"keep.csv"_s);
        QString error;
        QVERIFY(TableExporter::writeFile(path, "old", &error));
        // A directory where QSaveFile wants its temporary file makes the commit impossible.
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const bool written = TableExporter::writeFile(path, "new", &error);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (written)
            QSKIP("running as root: directory permissions do not stop writes");
        QCOMPARE(readAll(path), QByteArray("old"));
    }
};

QTEST_MAIN(TestTableExporter)
#include "tst_tableexporter.moc"
