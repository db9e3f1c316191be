#pragma once

#include "api/records/sample.h"
#include "common/pendingjob.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QTableView;

namespace bge {
class PlatformApi;
struct ModelResult;
} // namespace bge

namespace bge::ui {

class DistributionChart;
class ErrorBanner;
class ExportButton;
class ParameterTableModel;
class RecentModelIds;
class ResultFieldsModel;

// Runs an interpretation model by id with name/value parameters (the selected sample's id
// filled in as biosample_id) and shows its answer: model_msg, the result fields, and the
// background distributions as a chart when the result has them.
class ModelsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ModelsView(PlatformApi* api, QWidget* parent = nullptr);
    ~ModelsView() override;
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);

    void setModelId(const QString& id);
    void run();
    void cancel();

    ParameterTableModel* parameters() const { return m_parameters; }
    ResultFieldsModel* fields() const { return m_fields; }
    DistributionChart* chart() const { return m_chart; }

private:
    void setRunning(bool running);
    void showResult(const bge::ModelResult& result);
    void clearResult();
    void reloadRecentIds();
    void addParameter();
    void removeParameter();

    PlatformApi* m_api;
    QString m_sampleId;
    PendingJob m_job;
    QSettings* m_settings;
    std::unique_ptr<RecentModelIds> m_recent;
    QLabel* m_hint;
    QWidget* m_content;
    QComboBox* m_modelId;
    ParameterTableModel* m_parameters;
    QTableView* m_parameterTable;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QLabel* m_status;
    ErrorBanner* m_banner;
    QLabel* m_message;
    ResultFieldsModel* m_fields;
    QSortFilterProxyModel* m_fieldsProxy;
    QTableView* m_fieldTable;
    ExportButton* m_export;
    DistributionChart* m_chart;
};

} // namespace bge::ui
