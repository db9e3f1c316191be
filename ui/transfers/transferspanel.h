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
    ~TransfersPanel() override;

    // Whether a drag carries local files or folders this panel can upload.
    static bool acceptsDrop(const QMimeData* mime);
    // Queues uploads of files and of the files inside folders (the destination is flat).
    void addUploads(const QList<QUrl>& urls);
    // Downloads into the download folder, as `suggestedFileName` (made safe) or the object's name.
    void addDownload(const QString& objectName, const QString& suggestedFileName);
    // Asks for files with a dialog (not modal to the app: the window stays usable), then queues them.
    void chooseFilesToUpload();
    // Asks for the folder downloads go to.
    void chooseDownloadFolder();

    // A setting: the system's Downloads folder unless chosen otherwise.
    static QString downloadFolder();
    static void setDownloadFolder(const QString& folder);

    TransferQueue* queue() const { return m_queue; }
    TransferListModel* model() const { return m_model; }

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
};

} // namespace bge::ui
