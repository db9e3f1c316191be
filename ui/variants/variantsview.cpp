#include "variantsview.h"

#include "api/platformapi.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

VariantsView::VariantsView(PlatformApi* api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("VariantsView"), this));
}

void VariantsView::setSample(const bge::Sample& sample)
{
    Q_UNUSED(sample);
}

} // namespace bge::ui
