#pragma once

#include <QWidget>

namespace bge {
class PlatformApi;
struct Sample;
}

namespace bge::ui {

// Runs an interpretation model and shows its result.
class ModelsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ModelsView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);


private:
    PlatformApi* m_api;
};

} // namespace bge::ui
