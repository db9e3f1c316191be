#include "geneabundancemodel.h"

#include "abundanceformat.h"

#include <QJsonValue>
#include <QLocale>

namespace bge::ui {

using namespace Qt::StringLiterals;

void GeneAbundanceModel::append(const QList<bge::GeneAbundance>& genes)
{
    if (genes.isEmpty())
        return;
    beginInsertRows({}, int(m_genes.size()), int(m_genes.size() + genes.size() - 1));
    m_genes.append(genes);
    endInsertRows();
}

void GeneAbundanceModel::clear()
{
    beginResetModel();
    m_genes.clear();
    endResetModel();
}

const bge::GeneAbundance* GeneAbundanceModel::gene(int row) const
{
    return row >= 0 && row < m_genes.size() ? &m_genes[row] : nullptr;
}

int GeneAbundanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_genes.size());
}

int GeneAbundanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GeneAbundanceModel::display(const bge::GeneAbundance& g, int column) const
{
    const auto annotation = [&g](QStringView key) {
        const QJsonValue v = g.annotation.value(key);
        return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : QString();
    };
    switch (column) {
    case GeneId:
        return g.geneId;
    case GeneName:
        return g.geneName;
    case Abundance:
        return abundanceText(g.observation.value);
    case Kegg:
        return annotation(u"kegg_annotation");
    case Eggnog:
        return annotation(u"eggnog_annotation");
    case Genus:
        return annotation(u"genus");
    case FileName:
        return g.fileName;
    case FileSize:
        return g.fileSize >= 0 ? QLocale().formattedDataSize(g.fileSize) : QString();
    case Md5:
        return g.fileMd5;
    case ObjectName:
        return g.fileObjectName;
    default:
        return {};
    }
}

QVariant GeneAbundanceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bge::GeneAbundance& g = m_genes[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(g, index.column());
    case SortRole:
        if (index.column() == Abundance)
            return abundanceSortValue(g.observation.value);
        if (index.column() == FileSize)
            return g.fileSize;
        return display(g, index.column());
    case Qt::ToolTipRole:
        if (index.column() == FileSize && g.fileSize >= 0)
            return tr("%1 bytes").arg(g.fileSize);
        if (g.isFile())
            return tr("Double-click or press Download to fetch this file");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Abundance || index.column() == FileSize)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant GeneAbundanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case GeneId:
        return tr("Gene ID");
    case GeneName:
        return tr("Gene name");
    case Abundance:
        return tr("Abundance (%)");
    case Kegg:
        return tr("KEGG");
    case Eggnog:
        return tr("eggNOG");
    case Genus:
        return tr("Genus");
    case FileName:
        return tr("File");
    case FileSize:
        return tr("Size");
    case Md5:
        return tr("MD5");
    case ObjectName:
        return tr("Object name");
    default:
        return {};
    }
}

} // namespace bge::ui
