#pragma once

#include <QWidget>

namespace bge {
class PlatformApi;
struct Sample;
}

namespace bge::ui {

// Variants of a genomics sample by rsid.
class VariantsView final : public QWidget
{
    Q_OBJECT
public:
    explicit VariantsView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);


private:
    PlatformApi* m_api;
};

} // namespace bge::ui
