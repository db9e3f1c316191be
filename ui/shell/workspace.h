#pragma once

#include <QWidget>

class QAction;
class QSplitter;
class QTabWidget;

namespace bge {
class PlatformApi;
struct Sample;
} // namespace bge

namespace bge::ui {

class AbundanceView;
class ModelsView;
class SampleDetailView;
class SamplesPanel;
class VariantsView;

// What a signed-in window shows: the samples on the left, the selected sample's details,
// variants, abundance and models on the right. Built for one account's API.
class Workspace final : public QWidget
{
    Q_OBJECT
public:
    explicit Workspace(PlatformApi* api, QWidget* parent = nullptr);

    SamplesPanel* samplesPanel() const { return m_samples; }
    QTabWidget* tabs() const { return m_tabs; }
    QSplitter* splitter() const { return m_splitter; }
    AbundanceView* abundanceView() const { return m_abundance; }
    // View → Sample List: hides the list so a sample's results get the whole width.
    QAction* sampleListAction() const { return m_sampleList; }

Q_SIGNALS:
    // A view asked to download an object of the platform's storage.
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);

private:
    void showSample(const bge::Sample& sample);

    QSplitter* m_splitter;
    SamplesPanel* m_samples;
    QTabWidget* m_tabs;
    SampleDetailView* m_details;
    VariantsView* m_variants;
    AbundanceView* m_abundance;
    ModelsView* m_models;
    QAction* m_sampleList;
};

} // namespace bge::ui
