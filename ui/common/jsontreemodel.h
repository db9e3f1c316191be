#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace bge::ui {

// Any JSON value as a tree: key, value and type per node. Objects and arrays summarise their
// size in the value column. Read-only; built once per setJson().
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Key,
        Value,
        Type,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // keys as text, array positions and numbers as numbers
        JsonValueRole,               // the node's value as a QJsonValue (whole subtree)
    };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    // An undefined value means no document (no rows); null is a document with one row.
    void setJson(const QJsonValue& value);
    QJsonValue json() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString typeName(QJsonValue::Type type);

private:
    struct Node
    {
        QString key;
        int arrayIndex = -1; // the position when the parent is an array
        QJsonValue value;
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };

    static void buildChildren(Node* node);
    Node* nodeFor(const QModelIndex& index) const;
    QVariant displayValue(const Node& node) const;

    std::unique_ptr<Node> m_root; // invisible; its children are the top-level rows
};

} // namespace bge::ui
