#pragma once

#include "common/pendingjob.h"
#include "omics/records/importjob.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace bge::omics {
class OmicsApi;
}

namespace bge::ui {

class ErrorBanner;
class ImportJobDetail;
class ImportJobModel;
class StartImportDialog;

// A store's read-set import jobs, newest first, reading themselves again every few seconds
// while a job runs and the view is on screen (never otherwise); the selected job's sources in
// an ImportJobDetail; Start Import… opens StartImportDialog and follows the new job.
class ImportJobsView final : public QWidget
{
    Q_OBJECT
public:
    // `defaultRoleArn`: the role offered when none was used before (the sandbox's import role).
    ImportJobsView(omics::OmicsApi* api, const QString& storeId, const QString& defaultRoleArn = {},
                   QWidget* parent = nullptr);
    ~ImportJobsView() override;

    ImportJobModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    ImportJobDetail* detail() const { return m_detail; }
    StartImportDialog* startDialog() const { return m_dialog; }
    QString storeId() const { return m_storeId; }
    bool isLoading() const { return m_listing.isRunning(); }
    bool isPolling() const;
    void setPollIntervalMs(int ms);
    // Reference ARNs the start dialog offers (e.g. those the store's read sets use).
    void setKnownReferences(const QStringList& references) { m_references = references; }

    // Another store (the workspace's selection): its jobs replace the rows.
    void setStore(const QString& storeId);
    void refresh();
    void startImport();
    // Selects the job (shows its detail) once it is in the list.
    void followJob(const QString& jobId);

Q_SIGNALS:
    void refreshed();
    void readSetActivated(const QString& storeId, const QString& readSetId);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void listPage(QList<omics::ImportJobSummary> sofar, const QString& nextToken);
    void selectionChanged();
    void jobLoaded(const omics::ImportJob& job);
    void updateStatus();
    void updatePolling();
    QString selectedJobId() const;

    omics::OmicsApi* m_api;
    QString m_storeId;
    QString m_defaultRole;
    QStringList m_references;
    PendingJob m_listing;
    QString m_follow;
    QPointer<StartImportDialog> m_dialog;

    ErrorBanner* m_banner;
    ImportJobModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    ImportJobDetail* m_detail;
    QPushButton* m_startButton;
    QPushButton* m_refreshButton;
    QLabel* m_status;
    QTimer* m_poll;
};

} // namespace bge::ui
