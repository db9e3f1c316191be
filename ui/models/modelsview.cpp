#include "modelsview.h"

#include "api/platformapi.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

ModelsView::ModelsView(PlatformApi* api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("ModelsView"), this));
}

void ModelsView::setSample(const bge::Sample& sample)
{
    Q_UNUSED(sample);
}

} // namespace bge::ui
