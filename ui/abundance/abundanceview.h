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

class FunctionsPage;
class GenesPage;
class TaxaPage;

// Taxon, function and gene abundance of a metagenomics sample. Each tab loads when it is
// first shown for a sample, so browsing samples costs no calls for tabs nobody looks at.
class AbundanceView final : public QWidget
{
    Q_OBJECT
public:
    explicit AbundanceView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);

    TaxaPage* taxaPage() const { return m_taxa; }
    FunctionsPage* functionsPage() const { return m_functions; }
    GenesPage* genesPage() const { return m_genes; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    // The user asked to download an object of the platform's storage.
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);

private:
    PlatformApi* m_api;
    QLabel* m_hint;
    QStackedLayout* m_layout = nullptr;
    QTabWidget* m_tabs;
    TaxaPage* m_taxa;
    FunctionsPage* m_functions;
    GenesPage* m_genes;
};

} // namespace bge::ui
