#include "modelsview.h"

#include "distributionchart.h"
#include "parametertablemodel.h"
#include "recentmodelids.h"
#include "resultfieldsmodel.h"

#include "api/platformapi.h"
#include "common/errorbanner.h"
#include "common/exportbutton.h"
#include "common/recordtable.h"
#include "common/taborder.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The parameter the platform's models take the sample by (reference §4, invoke_model).
const auto kSampleParameter = u"biosample_id"_s;

} // namespace

ModelsView::ModelsView(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_settings(new QSettings(this)),
      m_recent(std::make_unique<RecentModelIds>(m_settings)), m_hint(new QLabel(this)),
      m_content(new QWidget(this)), m_modelId(new QComboBox(m_content)),
      m_parameters(new ParameterTableModel(this)), m_parameterTable(new QTableView(m_content)),
      m_run(new QPushButton(tr("&Run"), m_content)), m_cancel(new QPushButton(tr("Cancel"), m_content)),
      m_status(new QLabel(m_content)), m_banner(new ErrorBanner(m_content)), m_message(new QLabel(m_content)),
      m_fields(new ResultFieldsModel(this)), m_fieldsProxy(new QSortFilterProxyModel(this)),
      m_fieldTable(new RecordTable(m_content)), m_export(new ExportButton(m_fieldTable, m_content)),
      m_chart(new DistributionChart(m_content))
{
    setObjectName(u"modelsView"_s);
    m_hint->setObjectName(u"modelsHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);

    m_modelId->setObjectName(u"modelIdBox"_s);
    m_modelId->setAccessibleName(tr("Model id"));
    m_modelId->setEditable(true);
    m_modelId->setInsertPolicy(QComboBox::NoInsert);
    m_modelId->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelId->setMinimumContentsLength(20);
    m_modelId->lineEdit()->setPlaceholderText(tr("e.g. zS68QlusdT2RWsZ"));
    m_modelId->setToolTip(
        tr("The platform does not list its models: enter the id from the model's documentation. "
           "Ids that ran before are offered here."));

    m_parameters->setParameters({{kSampleParameter, QString()}});
    m_parameterTable->setObjectName(u"parameterTable"_s);
    m_parameterTable->setAccessibleName(tr("Model parameters"));
    m_parameterTable->setAccessibleDescription(
        tr("The parameters the model runs with, one per row; F2 edits the selected cell"));
    m_parameterTable->setModel(m_parameters);
    m_parameterTable->verticalHeader()->hide();
    m_parameterTable->horizontalHeader()->setStretchLastSection(true);
    m_parameterTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab goes on to the buttons; while a cell is edited, Tab still moves to the next cell.
    m_parameterTable->setTabKeyNavigation(false);
    m_parameterTable->setMaximumHeight(m_parameterTable->fontMetrics().lineSpacing() * 8);
    auto* add = new QPushButton(tr("&Add"), m_content);
    add->setObjectName(u"addParameterButton"_s);
    add->setToolTip(tr("Add a parameter row"));
    auto* remove = new QPushButton(tr("Re&move"), m_content);
    remove->setObjectName(u"removeParameterButton"_s);
    remove->setToolTip(tr("Remove the selected parameter row"));
    auto* parameterButtons = new QVBoxLayout;
    parameterButtons->addWidget(add);
    parameterButtons->addWidget(remove);
    parameterButtons->addStretch(1);
    auto* parameterRow = new QHBoxLayout;
    parameterRow->addWidget(m_parameterTable, 1);
    parameterRow->addLayout(parameterButtons);

    m_run->setObjectName(u"runButton"_s);
    m_run->setToolTip(tr("Run the model on the selected sample with these parameters"));
    m_run->setDefault(true);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_status->setObjectName(u"modelStatus"_s);
    m_message->setObjectName(u"modelMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_status, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Model:"), m_modelId);
    form->addRow(tr("&Parameters:"), parameterRow);
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(parameterRow)))
        label->setBuddy(m_parameterTable);

    m_fieldsProxy->setSourceModel(m_fields);
    m_fieldsProxy->setSortRole(ResultFieldsModel::SortRole);
    m_fieldTable->setObjectName(u"resultTable"_s);
    m_fieldTable->setAccessibleName(tr("Result fields"));
    m_fieldTable->setAccessibleDescription(tr("The fields of the model's result and their values"));
    m_fieldTable->setModel(m_fieldsProxy);
    m_fieldTable->setSortingEnabled(true);
    m_fieldTable->sortByColumn(-1, Qt::AscendingOrder);
    m_fieldTable->verticalHeader()->hide();
    m_fieldTable->horizontalHeader()->setStretchLastSection(true);
    m_fieldTable->setWordWrap(false);
    auto* fieldsPane = new QWidget(m_content);
    auto* fieldsLayout = new QVBoxLayout(fieldsPane);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(m_fieldTable, 1);
    fieldsLayout->addWidget(m_export, 0, Qt::AlignRight);
    // One above the other, each the pane's whole width: side by side, the values were cut off
    // at the table's right edge and the chart's group labels at 1280×800 (issue 15).
    auto* results = new QSplitter(Qt::Vertical, m_content);
    results->setObjectName(u"resultSplitter"_s);
    results->setChildrenCollapsible(false);
    results->addWidget(fieldsPane);
    results->addWidget(m_chart);
    // The chart's two-line group labels need the height; the fields scroll.
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 2);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addLayout(form);
    content->addLayout(runRow);
    content->addWidget(m_banner);
    content->addWidget(m_message);
    content->addWidget(results, 1);
    // The parameter buttons were made after the result table; Tab reaches them beside their table.
    orderTabStops({m_parameterTable, add, remove, m_run, m_cancel});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_content, 1);

    connect(m_run, &QPushButton::clicked, this, &ModelsView::run);
    connect(m_cancel, &QPushButton::clicked, this, &ModelsView::cancel);
    connect(m_modelId->lineEdit(), &QLineEdit::returnPressed, this, &ModelsView::run);
    connect(add, &QPushButton::clicked, this, &ModelsView::addParameter);
    connect(remove, &QPushButton::clicked, this, &ModelsView::removeParameter);
    connect(m_export, &ExportButton::failed, m_banner, &ErrorBanner::showMessage);

    reloadRecentIds();
    m_export->setSuggestedName(u"model-result"_s);
    m_hint->setText(tr("Sign in to run interpretation models."));
    m_hint->setVisible(!m_api);
    m_content->setVisible(m_api != nullptr);
    clearResult();
    setRunning(false);
}

ModelsView::~ModelsView() = default;

void ModelsView::setSample(const bge::Sample& sample)
{
    if (sample.biosampleId == m_sampleId)
        return;
    m_sampleId = sample.biosampleId;
    m_job.abort();
    setRunning(false);
    m_status->clear();
    m_banner->clear();
    clearResult();
    m_parameters->setValue(kSampleParameter, sample.biosampleId);
    m_export->setSuggestedName(u"model-result-"_s + sample.biosampleId);
}

void ModelsView::setModelId(const QString& id)
{
    m_modelId->setCurrentText(id);
}

void ModelsView::reloadRecentIds()
{
    const QString current = m_modelId->currentText();
    m_modelId->clear();
    m_modelId->addItems(m_recent->ids());
    m_modelId->setCurrentText(current);
}

void ModelsView::addParameter()
{
    const QModelIndex added = m_parameters->appendRow();
    m_parameterTable->setCurrentIndex(added);
    m_parameterTable->edit(added);
}

void ModelsView::removeParameter()
{
    const QModelIndex current = m_parameterTable->currentIndex();
    if (current.isValid())
        m_parameters->removeRows(current.row(), 1);
}

void ModelsView::setRunning(bool running)
{
    m_run->setEnabled(m_api != nullptr && !running);
    m_cancel->setEnabled(running);
}

void ModelsView::run()
{
    if (!m_api || m_job.isRunning())
        return;
    const QString id = m_modelId->currentText().trimmed();
    if (id.isEmpty()) {
        m_banner->showMessage(tr("Enter the id of the model to run."));
        return;
    }
    m_banner->clear();
    clearResult();
    setRunning(true);
    m_status->setText(tr("Running %1…").arg(id));
    m_job.run<bge::ModelResult>(m_api->invokeModel(id, m_parameters->parameters()), this,
                                [this, id](const Result<bge::ModelResult>& result) {
                                    setRunning(false);
                                    m_status->clear();
                                    if (!result) {
                                        m_banner->showError(result.error(), [this] { run(); });
                                        return;
                                    }
                                    // The model exists: worth offering next time.
                                    m_recent->remember(id);
                                    reloadRecentIds();
                                    showResult(result.value());
                                });
}

void ModelsView::cancel()
{
    if (!m_job.isRunning())
        return;
    m_job.abort();
    setRunning(false);
    m_status->setText(tr("Cancelled."));
}

void ModelsView::clearResult()
{
    m_message->clear();
    m_message->hide();
    m_fields->clear();
    m_chart->clear();
    m_chart->hide();
}

void ModelsView::showResult(const bge::ModelResult& result)
{
    m_message->setText(result.modelCode == 0
                           ? tr("Model message: %1").arg(result.modelMessage)
                           : tr("The model could not interpret this sample (model_code %1): %2")
                                 .arg(result.modelCode)
                                 .arg(result.modelMessage));
    m_message->show();
    m_fields->setResult(result.modelData);
    m_fieldTable->resizeColumnToContents(ResultFieldsModel::Field);
    const ModelBackground background = ModelBackground::fromModelData(result.modelData);
    m_chart->setBackground(background);
    m_chart->setVisible(!background.isEmpty());
}

} // namespace bge::ui
