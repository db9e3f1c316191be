#include "sampledetailview.h"

#include "api/platformapi.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

SampleDetailView::SampleDetailView(PlatformApi* api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("SampleDetailView"), this));
}

void SampleDetailView::setSample(const bge::Sample& sample)
{
    Q_UNUSED(sample);
}

} // namespace bge::ui
