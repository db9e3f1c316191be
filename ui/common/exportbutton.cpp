#include "exportbutton.h"

#include "tableexporter.h"

#include <QAbstractItemView>
#include <QFileDialog>
#include <QHeaderView>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const QHeaderView* horizontalHeaderOf(const QAbstractItemView* view)
{
    if (const auto* table = qobject_cast<const QTableView*>(view))
        return table->horizontalHeader();
    if (const auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->header();
    return nullptr;
}

} // namespace

ExportButton::ExportButton(QAbstractItemView* view, QWidget* parent)
    : QPushButton(tr("Export…"), parent), m_view(view), m_baseName(u"table"_s)
{
    setObjectName(u"exportButton"_s);
    setToolTip(tr("Save the table as CSV (for spreadsheets) or TSV (for scripts)"));
    connect(this, &QPushButton::clicked, this, &ExportButton::chooseFile);
}

void ExportButton::chooseFile()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    const QString csvFilter = tr("CSV, comma-separated (*.csv)");
    const QString tsvFilter = tr("TSV, tab-separated (*.tsv *.tab *.txt)");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_dialog = new QFileDialog(window(), tr("Export Table"), folder + u'/' + m_baseName + u".csv"_s);
    m_dialog->setObjectName(u"exportDialog"_s);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setAcceptMode(QFileDialog::AcceptSave);
    m_dialog->setNameFilters({csvFilter, tsvFilter});
    m_dialog->setDefaultSuffix(u"csv"_s);
    connect(m_dialog, &QFileDialog::filterSelected, m_dialog,
            [dialog = m_dialog.data(), tsvFilter](const QString& filter) {
                dialog->setDefaultSuffix(filter == tsvFilter ? u"tsv"_s : u"csv"_s);
            });
    connect(m_dialog, &QFileDialog::fileSelected, this, &ExportButton::exportTo);
    m_dialog->open();
}

bool ExportButton::exportTo(const QString& path)
{
    if (!m_view || !m_view->model())
        return false;
    TableExporter::Options options = TableExporter::defaultOptions(TableExporter::formatForFileName(path));
    if (const QHeaderView* header = horizontalHeaderOf(m_view))
        options.columns = TableExporter::visibleColumns(*header);
    QString error;
    if (!TableExporter::writeFile(path, TableExporter::render(*m_view->model(), options), &error)) {
        Q_EMIT failed(error);
        return false;
    }
    Q_EMIT exported(path);
    return true;
}

} // namespace bge::ui
