#pragma once

#include "omics/omicsconnection.h" // ReadSetUploadJob holds a QPointer<OmicsConnection>
#include "omics/readsetuploadjob.h"
#include "omics/records/sequencestore.h"
#include "shell/sandboxinfo.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <memory>
#include <optional>

class QSettings;

namespace bge::omics {
class OmicsApi;
class OmicsConnections;
} // namespace bge::omics

namespace bge::ui {

class ImportJobsView;
class OmicsWorkspace;
class ReadSetUploadDialog;
class StoreUploadsView;

// HealthOmics in the main window: the workspace (accounts, stores, read sets) with, for the
// selected store, the uploads in progress and the import jobs as further tabs, and the way
// files become read sets: dropped on a store or chosen with Upload Read Set…, proposed in a
// ReadSetUploadDialog, then handed to the transfer queue (uploadsRequested). The views of a
// store are made again when the account or the store changes: they hold its connection.
class OmicsArea final : public QWidget
{
    Q_OBJECT
public:
    OmicsArea(omics::OmicsConnections* connections, std::optional<SandboxInfo> sandbox, QSettings* settings,
              QWidget* parent = nullptr);
    ~OmicsArea() override;

    OmicsWorkspace* workspace() const { return m_workspace; }
    StoreUploadsView* uploadsView() const;
    ImportJobsView* importJobsView() const;
    ReadSetUploadDialog* uploadDialog() const;

    // The upload dialog for these local files and the selected store; a notice when there is
    // no store to upload to.
    void proposeUploads(const QList<QUrl>& urls);
    // A file dialog (not modal to the app), then proposeUploads().
    void chooseFilesToUpload();
    // Reloads what shows (stores, read sets, uploads in progress, import jobs).
    void refresh();

public Q_SLOTS:
    // From the transfer queue: a read set of ours became ACTIVE or failed.
    void readSetSettled(const QString& account, const QString& storeId, const QString& readSetId,
                        bool active);

Q_SIGNALS:
    void uploadsRequested(const QString& account, const QList<bge::omics::ReadSetUploadOptions>& uploads);
    void downloadRequested(const QString& account, const QString& storeId, const QString& readSetId,
                           const QString& file, const QString& suggestedFileName);
    // Something to say in the status bar (translated).
    void notice(const QString& text);

private:
    void showStore(const QString& account, const omics::SequenceStore& store);
    void clearStoreViews();
    void releaseRefreshKey();

    omics::OmicsConnections* m_connections;
    std::optional<SandboxInfo> m_sandbox;
    OmicsWorkspace* m_workspace;
    std::unique_ptr<omics::OmicsApi> m_api;
    QPointer<StoreUploadsView> m_uploads;
    QPointer<ImportJobsView> m_imports;
    QPointer<ReadSetUploadDialog> m_dialog;
};

} // namespace bge::ui
