#pragma once

#include <QWidget>
#include <QList>
#include <QUrl>

class QMimeData;

namespace bge {
class PlatformApi;
struct Sample;
}

namespace bge::ui {

// Every upload and download, with progress and controls.
class TransfersPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TransfersPanel(PlatformApi* api, QWidget* parent = nullptr);
    // Whether a drag carries local files or folders this panel can upload.
    static bool acceptsDrop(const QMimeData* mime);
    // Queues uploads of files and of the files inside folders (the destination is flat).
    void addUploads(const QList<QUrl>& urls);
    void addDownload(const QString& objectName, const QString& suggestedFileName);
    // Asks for files with a dialog, then queues them.
    void chooseFilesToUpload();


private:
    PlatformApi* m_api;
};

} // namespace bge::ui
