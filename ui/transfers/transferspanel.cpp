#include "transferspanel.h"

#include "api/platformapi.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

TransfersPanel::TransfersPanel(PlatformApi* api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("TransfersPanel"), this));
}

bool TransfersPanel::acceptsDrop(const QMimeData* mime)
{
    Q_UNUSED(mime);
    return false;
}

void TransfersPanel::addUploads(const QList<QUrl>& urls)
{
    Q_UNUSED(urls);
}

void TransfersPanel::addDownload(const QString& objectName, const QString& suggestedFileName)
{
    Q_UNUSED(objectName);
    Q_UNUSED(suggestedFileName);
}

void TransfersPanel::chooseFilesToUpload() {}

} // namespace bge::ui
