#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace bge::ui {

using namespace Qt::StringLiterals;

JsonTreeModel::JsonTreeModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const QJsonValue& value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->value = value;
    // A bare scalar still gets a row, so that the tree never looks empty when it is not.
    if (value.isObject() || value.isArray()) {
        buildChildren(m_root.get());
    } else if (!value.isUndefined()) {
        auto node = std::make_unique<Node>();
        node->value = value;
        node->parent = m_root.get();
        m_root->children.push_back(std::move(node));
    }
    endResetModel();
}

QJsonValue JsonTreeModel::json() const
{
    return m_root->value;
}

void JsonTreeModel::buildChildren(Node* node)
{
    const auto add = [node](std::unique_ptr<Node> child) {
        child->parent = node;
        child->row = int(node->children.size());
        if (child->value.isObject() || child->value.isArray())
            buildChildren(child.get());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            auto child = std::make_unique<Node>();
            child->key = it.key();
            child->value = it.value();
            add(std::move(child));
        }
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto child = std::make_unique<Node>();
            child->arrayIndex = int(i);
            child->value = array.at(i);
            add(std::move(child));
        }
    }
}

JsonTreeModel::Node* JsonTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node* p = nodeFor(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* p = nodeFor(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = *nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return node.arrayIndex >= 0 ? u"[%1]"_s.arg(node.arrayIndex) : node.key;
        case Value:
            return displayValue(node);
        case Type:
            return typeName(node.value.type());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // Long strings (descriptions, object names) are cut by the column; the tip shows them whole.
        return index.column() == Value && node.value.isString() ? node.value.toString() : QVariant();
    case SortRole:
        if (index.column() == Key)
            return node.arrayIndex >= 0 ? QVariant(node.arrayIndex) : QVariant(node.key);
        if (index.column() == Value)
            return node.value.isDouble() ? QVariant(node.value.toDouble()) : displayValue(node);
        return typeName(node.value.type());
    case JsonValueRole:
        return QVariant::fromValue(node.value);
    default:
        return {};
    }
}

QVariant JsonTreeModel::displayValue(const Node& node) const
{
    switch (node.value.type()) {
    case QJsonValue::Object:
        return tr("{%n field(s)}", nullptr, int(node.children.size()));
    case QJsonValue::Array:
        return tr("[%n item(s)]", nullptr, int(node.children.size()));
    case QJsonValue::String:
        return node.value.toString();
    case QJsonValue::Double:
        // JSON text, not locale text: this view shows what the platform sent.
        return QString::number(node.value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return node.value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Key:
        return tr("Key");
    case Value:
        return tr("Value");
    case Type:
        return tr("Type");
    default:
        return {};
    }
}

QString JsonTreeModel::typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Object:
        return tr("object");
    case QJsonValue::Array:
        return tr("array");
    case QJsonValue::String:
        return tr("string");
    case QJsonValue::Double:
        return tr("number");
    case QJsonValue::Bool:
        return tr("boolean");
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace bge::ui
