#pragma once

#include "common/pendingjob.h"
#include "omics/records/readsetupload.h"

#include <QMessageBox>
#include <QPointer>
#include <QStringList>
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
class StoreUploadModel;

// The multipart read-set uploads in progress of a sequence store, wherever they were started
// (this app, `bge omics upload` on a server, another tool): how old, what, how many parts so
// far (counted lazily, a few uploads at a time), and Abort after a confirmation.
class StoreUploadsView final : public QWidget
{
    Q_OBJECT
public:
    StoreUploadsView(omics::OmicsApi* api, const QString& storeId, QWidget* parent = nullptr);
    ~StoreUploadsView() override;

    StoreUploadModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    QString storeId() const { return m_storeId; }
    bool isLoading() const { return m_listing.isRunning(); }
    // Uploads whose parts are being (or still to be) counted.
    int countsPending() const { return int(m_toCount.size()) + m_counting; }
    QString statusText() const;

    // Another store (the workspace's selection): its uploads replace the rows.
    void setStore(const QString& storeId);
    // Lists every page again, then recounts the parts.
    void refresh();
    // Asks (a message box, opened without blocking), then aborts the selected uploads.
    void abortSelected();
    // The confirmation being shown, if any.
    QMessageBox* confirmation() const { return m_confirmation; }

Q_SIGNALS:
    // Every page listed (or the listing failed: see the banner).
    void refreshed();
    void uploadAborted(const QString& uploadId);

private:
    void listPage(QList<omics::ReadSetUpload> sofar, const QString& nextToken);
    void countNext();
    void countParts(const QString& uploadId, const QString& source, int sofar, const QString& nextToken,
                    bool thenSource2);
    void counted(const QString& uploadId, int parts);
    void abortUploads(const QList<omics::ReadSetUpload>& uploads);
    void updateActions();
    QList<omics::ReadSetUpload> selectedUploads() const;

    omics::OmicsApi* m_api;
    QString m_storeId;
    PendingJob m_listing;
    QStringList m_toCount;
    int m_counting = 0;
    int m_aborting = 0;
    QPointer<QMessageBox> m_confirmation;

    ErrorBanner* m_banner;
    StoreUploadModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QPushButton* m_refreshButton;
    QPushButton* m_abortButton;
    QLabel* m_status;
    QTimer* m_ageTimer;
};

} // namespace bge::ui
