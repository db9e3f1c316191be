#pragma once

#include <QList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QMenu;
class QMimeData;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

namespace bge {
class PlatformApi;
class PlatformUploadCredentials;
class TransferQueue;
struct TransferQueueSettings;
namespace omics {
class OmicsConnections;
struct ReadSetUploadOptions;
} // namespace omics
} // namespace bge

namespace bge::ui {

class TransferActions;
class TransferListModel;
class TransferNotifier;

// Every upload and download, with progress and controls: a table of the queue (progress bars,
// speed, time left, state), the totals, the actions on the selected transfers (also in the
// context menu), where uploads and downloads go, and a notification when a batch finishes.
// The queue is saved and resumes by itself at the next start.
class TransfersPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TransfersPanel(PlatformApi* api, QWidget* parent = nullptr);
    // With a queue of other settings (its own saved state, part sizes): tests and tools.
    TransfersPanel(PlatformApi* api, const TransferQueueSettings& settings, QWidget* parent = nullptr);
    // With the HealthOmics accounts, for read-set transfers (`settings.omics` is replaced).
    TransfersPanel(PlatformApi* api, omics::OmicsConnections* omics, const TransferQueueSettings& settings,
                   QWidget* parent = nullptr);
    ~TransfersPanel() override;

    // Whether a drag carries local files or folders this panel can upload.
    static bool acceptsDrop(const QMimeData* mime);
    // Queues uploads of files and of the files inside folders (the destination is flat).
    void addUploads(const QList<QUrl>& urls);
    // Downloads into the download folder, as `suggestedFileName` (made safe) or the object's name.
    void addDownload(const QString& objectName, const QString& suggestedFileName);
    // Read sets to a sequence store of the HealthOmics account `account` (one batch).
    void addReadSetUploads(const QString& account, const QList<omics::ReadSetUploadOptions>& uploads);
    // One file of a read set (SOURCE1, SOURCE2, INDEX) into the download folder, as
    // `suggestedFileName` (made safe; ReadSetDownloadJob::defaultFileName is a good one) or
    // <read set id>_<file>; an existing file waits for overwrite or skip.
    void addReadSetDownload(const QString& account, const QString& storeId, const QString& readSetId,
                            const QString& file, const QString& suggestedFileName);
    // For a window that makes its accounts after this panel (waiting read-set items start).
    void setOmicsConnections(omics::OmicsConnections* omics);
    // Asks for files with a dialog (not modal to the app: the window stays usable), then queues them.
    void chooseFilesToUpload();
    // Asks for the folder downloads go to.
    void chooseDownloadFolder();

    // A setting: the system's Downloads folder unless chosen otherwise.
    static QString downloadFolder();
    static void setDownloadFolder(const QString& folder);

    // Whose platform folder uploads go to, as the person knows the account ("张磊"); the
    // folder's path itself is only in the tooltip.
    void setAccountName(const QString& name);

    TransferQueue* queue() const { return m_queue; }
    TransferListModel* model() const { return m_model; }

Q_SIGNALS:
    // A read-set upload's read set became ACTIVE (`active`) or UPLOAD_FAILED.
    void readSetSettled(const QString& account, const QString& storeId, const QString& readSetId,
                        bool active);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createToolBar();
    void createTable();
    void updateTotals();
    void updateDestinations();
    void showMessage(const QString& text);
    void reveal();

    PlatformApi* m_api;
    PlatformUploadCredentials* m_credentials = nullptr;
    TransferQueue* m_queue = nullptr;
    TransferListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    TransferActions* m_actions = nullptr;
    TransferNotifier* m_notifier = nullptr;
    QMenu* m_contextMenu = nullptr;
    QProgressBar* m_totalBar = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_destinations = nullptr;
    QLabel* m_message = nullptr;
    bool m_askedDestination = false;
    QString m_accountName;
};

} // namespace bge::ui
