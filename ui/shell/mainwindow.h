#pragma once

#include <QMainWindow>

namespace bge {
class PlatformApi;
struct Sample;
}

namespace bge::ui {

class AbundanceView;
class ModelsView;
class SampleDetailView;
class SamplesPanel;
class TransfersPanel;
class VariantsView;

// Samples on the left; the selected sample's details, variants, abundance and models on the
// right; transfers in a dock below. Files dropped anywhere on the window are uploaded.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(PlatformApi* api, QWidget* parent = nullptr);

    SamplesPanel* samplesPanel() const { return m_samples; }
    TransfersPanel* transfersPanel() const { return m_transfers; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void showSample(const bge::Sample& sample);

    PlatformApi* m_api;
    SamplesPanel* m_samples = nullptr;
    SampleDetailView* m_details = nullptr;
    VariantsView* m_variants = nullptr;
    AbundanceView* m_abundance = nullptr;
    ModelsView* m_models = nullptr;
    TransfersPanel* m_transfers = nullptr;
};

} // namespace bge::ui
