#pragma once

#include "common/pendingjob.h"
#include "omics/records/importjob.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace bge::omics {
class OmicsApi;
}

namespace bge::ui {

class ErrorBanner;
class ImportJobSourceModel;

// One import job (GetReadSetImportJob): its status and message, and per source the files,
// type, subject, sample, name, status, failure message and the read set made, which can be
// opened (Show Read Set, Enter or a double-click on the row).
class ImportJobDetail final : public QWidget
{
    Q_OBJECT
public:
    ImportJobDetail(omics::OmicsApi* api, const QString& storeId, QWidget* parent = nullptr);
    ~ImportJobDetail() override;

    ImportJobSourceModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    QString jobId() const { return m_jobId; }
    const std::optional<omics::ImportJob>& job() const { return m_job; }
    bool isLoading() const { return m_loading.isRunning(); }

    // Another store: nothing is shown until showJob().
    void setStore(const QString& storeId);
    // Shows this job (empty: nothing), reading it from the service.
    void showJob(const QString& jobId);
    // Reads the shown job again.
    void refresh();

Q_SIGNALS:
    void jobLoaded(const bge::omics::ImportJob& job);
    void readSetActivated(const QString& storeId, const QString& readSetId);

private:
    void present(const omics::ImportJob& job);
    void activateCurrent();
    void updateActions();

    omics::OmicsApi* m_api;
    QString m_storeId;
    QString m_jobId;
    std::optional<omics::ImportJob> m_job;
    PendingJob m_loading;

    ErrorBanner* m_banner;
    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_message;
    QLabel* m_times;
    ImportJobSourceModel* m_model;
    QTableView* m_table;
    QLabel* m_sourceMessage;
    QPushButton* m_showReadSet;
};

} // namespace bge::ui
