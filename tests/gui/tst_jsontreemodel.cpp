#include "common/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using bge::ui::JsonTreeModel;

using namespace Qt::StringLiterals;

namespace {

// A sample as the platform's SDK README shows it, plus a nested array of objects (files).
QJsonObject sampleJson()
{
    return QJsonDocument::fromJson(R"({
        "biosample_id": "E-B12345678901",
        "organism": {"code": 1, "display": "human"},
        "sequencing": {"platform": [], "read_type": ["150+150+10"]},
        "project": [{"project_id": "P-W20123456789", "project_name": "demo"}],
        "data_availability": true,
        "statistics": {"human_contamination": null, "depth": 86.104, "variant_counting": 5160417},
        "files": [{"object_name": "a/b.vcf.gz", "size": 1024}, {"object_name": "a/c.txt", "size": 7}]
    })")
        .object();
}

QModelIndex child(const QAbstractItemModel& model, const QModelIndex& parent, const QString& key)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, JsonTreeModel::Key, parent);
        if (i.data().toString() == key)
            return i;
    }
    return {};
}

QString valueAt(const QModelIndex& keyIndex)
{
    return keyIndex.siblingAtColumn(JsonTreeModel::Value).data().toString();
}

} // namespace

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void treeFollowsTheDocument()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(sampleJson());
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), 3);

        const QModelIndex id = child(model, {}, u"biosample_id"_s);
        QVERIFY(id.isValid());
        QCOMPARE(valueAt(id), u"E-B12345678901"_s);
        QCOMPARE(id.siblingAtColumn(JsonTreeModel::Type).data().toString(), u"string"_s);
        QVERIFY(!model.hasChildren(id));

        const QModelIndex organism = child(model, {}, u"organism"_s);
        QCOMPARE(model.rowCount(organism), 2);
        QCOMPARE(valueAt(organism), u"{2 field(s)}"_s);
        QCOMPARE(valueAt(child(model, organism, u"display"_s)), u"human"_s);
        QCOMPARE(model.parent(child(model, organism, u"display"_s)), organism);

        const QModelIndex files = child(model, {}, u"files"_s);
        QCOMPARE(files.siblingAtColumn(JsonTreeModel::Type).data().toString(), u"array"_s);
        QCOMPARE(valueAt(files), u"[2 item(s)]"_s);
        const QModelIndex second = child(model, files, u"[1]"_s);
        QVERIFY(second.isValid());
        QCOMPARE(valueAt(child(model, second, u"object_name"_s)), u"a/c.txt"_s);
        QCOMPARE(model.parent(second), files);
        QCOMPARE(
            second.data(JsonTreeModel::JsonValueRole).value<QJsonValue>().toObject().value(u"size").toInt(),
            7);

        const QModelIndex stats = child(model, {}, u"statistics"_s);
        QCOMPARE(valueAt(child(model, stats, u"human_contamination"_s)), u"null"_s);
        // Numbers exactly as sent: no locale grouping, no rounding to six digits.
        QCOMPARE(valueAt(child(model, stats, u"variant_counting"_s)), u"5160417"_s);
        QCOMPARE(valueAt(child(model, stats, u"depth"_s)), u"86.104"_s);
        QCOMPARE(valueAt(child(model, {}, u"data_availability"_s)), u"true"_s);
        QCOMPARE(model.rowCount(child(model, child(model, {}, u"sequencing"_s), u"platform"_s)), 0);
    }

    void resetReplacesEverything()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setJson(sampleJson());
        model.setJson(QJsonArray{1, u"two"_s, QJsonValue::Null});
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, JsonTreeModel::Key).data().toString(), u"[1]"_s);
        QCOMPARE(model.index(1, JsonTreeModel::Value).data().toString(), u"two"_s);

        // A bare scalar is one row; nothing at all is no row.
        model.setJson(QJsonValue(42));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, JsonTreeModel::Value).data().toString(), u"42"_s);
        model.setJson(QJsonValue(QJsonValue::Null));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, JsonTreeModel::Type).data().toString(), u"null"_s);
        model.setJson(QJsonValue(QJsonValue::Undefined));
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsThroughAProxy()
    {
        JsonTreeModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(JsonTreeModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QJsonArray numbers;
        for (int i = 0; i < 12; ++i)
            numbers.append(i);
        model.setJson(QJsonObject{{u"numbers"_s, numbers}});
        proxy.sort(JsonTreeModel::Key, Qt::DescendingOrder);
        const QModelIndex list = proxy.index(0, 0);
        // Positions sort as numbers: [11] before [10] before [9], not as text.
        QCOMPARE(proxy.index(0, JsonTreeModel::Key, list).data().toString(), u"[11]"_s);
        QCOMPARE(proxy.index(2, JsonTreeModel::Key, list).data().toString(), u"[9]"_s);
    }

    void deepDocuments()
    {
        // Deeply nested input (as deep as QJsonDocument parses) builds without trouble.
        QByteArray deep;
        for (int i = 0; i < 500; ++i)
            deep += "{\"a\":";
        deep += "1";
        for (int i = 0; i < 500; ++i)
            deep += '}';
        const QJsonDocument doc = QJsonDocument::fromJson(deep);
        QVERIFY(doc.isObject());
        JsonTreeModel model;
        model.setJson(doc.object());
        QModelIndex i = model.index(0, 0);
        int depth = 1;
        while (model.rowCount(i) > 0) {
            i = model.index(0, 0, i);
            ++depth;
        }
        QCOMPARE(depth, 500);
    }
};

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
