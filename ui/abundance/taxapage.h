#pragma once

#include "pagedloader.h"

#include "api/records/abundance.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class PagedTableSection;
class TaxonAbundanceModel;
class TaxonChart;

// The Taxa tab: taxon abundance page by page, and a chart of the top taxa of one rank
// against the reference cohort.
class TaxaPage final : public QWidget
{
    Q_OBJECT
public:
    TaxaPage(PlatformApi* api, QWidget* parent = nullptr);

    void setSample(const QString& biosampleId);
    // Fetches the first page unless it is loaded or loading.
    void ensureLoaded();
    void loadMore();
    void setPageSize(int size) { m_pageSize = size; }

    TaxonAbundanceModel* model() const { return m_model; }
    TaxonChart* chart() const { return m_chart; }
    PagedTableSection* section() const { return m_section; }
    QComboBox* rankBox() const { return m_rank; }
    QCheckBox* logScaleBox() const { return m_logScale; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void afterPage();
    void updateChart();

    PlatformApi* m_api;
    QString m_biosampleId;
    int m_pageSize = 200;
    PagedLoader<bge::TaxonAbundance> m_loader;
    TaxonAbundanceModel* m_model;
    PagedTableSection* m_section;
    QComboBox* m_rank;
    QSpinBox* m_topCount;
    QCheckBox* m_logScale;
    TaxonChart* m_chart;
};

} // namespace bge::ui
