#pragma once

#include "api/records/sample.h"

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTabWidget;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class CompositionPage;
class FunctionsPage;
class GenesPage;
class TaxaPage;

// Taxon, function and gene abundance of a metagenomics sample, and the composition of the
// selected ones side by side. Each tab loads when it is first shown for a sample, so browsing
// samples costs no calls for tabs nobody looks at.
class AbundanceView final : public QWidget
{
    Q_OBJECT
public:
    explicit AbundanceView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);
    // Every sample selected in the list: the Composition tab compares the metagenomics ones.
    // When a selection grows from one such sample to several, that tab is brought forward.
    void setSamples(const QList<bge::Sample>& samples);

    TaxaPage* taxaPage() const { return m_taxa; }
    FunctionsPage* functionsPage() const { return m_functions; }
    GenesPage* genesPage() const { return m_genes; }
    CompositionPage* compositionPage() const { return m_composition; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    // The user asked to download an object of the platform's storage.
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);

private:
    void updateHint();

    PlatformApi* m_api;
    bge::Sample m_sample;
    int m_selectedMetagenomics = 0;
    QLabel* m_hint;
    QStackedLayout* m_layout = nullptr;
    QTabWidget* m_tabs;
    TaxaPage* m_taxa;
    FunctionsPage* m_functions;
    GenesPage* m_genes;
    CompositionPage* m_composition;
};

} // namespace bge::ui
