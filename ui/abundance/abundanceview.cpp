#include "abundanceview.h"

#include "api/platformapi.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

AbundanceView::AbundanceView(PlatformApi* api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("AbundanceView"), this));
}

void AbundanceView::setSample(const bge::Sample& sample)
{
    Q_UNUSED(sample);
}

} // namespace bge::ui
