#include "resultfieldsmodel.h"

#include "api/jsonfields.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Lists up to this long are written out; longer ones are summarised.
constexpr qsizetype kListWrittenOut = 10;

QString scalarText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 10);
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return compactJson(v);
}

bool isScalar(const QJsonValue& v)
{
    return !v.isArray() && !v.isObject();
}

} // namespace

void ResultFieldsModel::setResult(const QJsonObject& modelData)
{
    beginResetModel();
    m_rows.clear();
    // The background is what the chart draws: its many rows go last, after the answer itself.
    for (auto it = modelData.begin(); it != modelData.end(); ++it) {
        if (it.key() != u"background")
            flatten(it.key(), it.value());
    }
    if (modelData.contains(u"background"))
        flatten(u"background"_s, modelData.value(u"background"));
    endResetModel();
}

void ResultFieldsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ResultFieldsModel::flatten(const QString& path, const QJsonValue& value)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.isEmpty())
            m_rows.append({path, u"{}"_s, {}});
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(path + u'.' + it.key(), it.value());
        return;
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (std::all_of(a.begin(), a.end(), [](const QJsonValue& v) { return isScalar(v); })) {
            const bool allNumbers =
                std::all_of(a.begin(), a.end(), [](const QJsonValue& v) { return v.isDouble(); });
            if (a.size() > kListWrittenOut && allNumbers) {
                double low = a.first().toDouble();
                double high = low;
                for (const QJsonValue& v : a) {
                    low = std::min(low, v.toDouble());
                    high = std::max(high, v.toDouble());
                }
                m_rows.append({path,
                               tr("%n number(s) from %1 to %2", nullptr, int(a.size()))
                                   .arg(QString::number(low, 'g', 6), QString::number(high, 'g', 6)),
                               double(a.size())});
                return;
            }
            QStringList items;
            for (const QJsonValue& v : a)
                items.append(scalarText(v));
            m_rows.append({path, items.join(u", "_s), {}});
            return;
        }
        for (qsizetype i = 0; i < a.size(); ++i)
            flatten(u"%1[%2]"_s.arg(path).arg(i), a[i]);
        return;
    }
    m_rows.append({path, value.isNull() ? tr("(none)") : scalarText(value),
                   value.isDouble() ? QVariant(value.toDouble()) : QVariant()});
}

QString ResultFieldsModel::valueText(const QString& path) const
{
    for (const Row& row : m_rows) {
        if (row.path == path)
            return row.text;
    }
    return {};
}

int ResultFieldsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultFieldsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultFieldsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return index.column() == Field ? row.path : row.text;
    case SortRole:
        if (index.column() == Value && row.raw.isValid())
            return row.raw;
        return index.column() == Field ? row.path : row.text;
    default:
        return {};
    }
}

QVariant ResultFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Field:
        return tr("Field");
    case Value:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace bge::ui
