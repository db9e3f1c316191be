#pragma once

#include "api/records/sample.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

namespace bge {
class ApiError;
class PlatformApi;
} // namespace bge

namespace bge::ui {

class ComparisonTableModel;
class CompositionChart;
class PagedTableSection;
class TaxonProfiles;

// The Composition tab: the selected metagenomics samples' compositions at one rank, stacked
// side by side, and the taxa × samples table below. Profiles are fetched in the background
// while the tab is shown, kept for the session and shown as they arrive.
class CompositionPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CompositionPage(PlatformApi* api, QWidget* parent = nullptr);

    // More bars than this are no longer readable side by side; the rest are named in a note.
    static constexpr int kMaxCompared = 40;

    // The samples selected in the list; those that are not metagenomics samples are left out
    // with a note.
    void setSamples(const QList<bge::Sample>& samples);
    // The metagenomics samples of the last setSamples, in order.
    const QStringList& sampleIds() const { return m_ids; }

    CompositionChart* chart() const { return m_chart; }
    ComparisonTableModel* model() const { return m_model; }
    PagedTableSection* section() const { return m_section; }
    QComboBox* rankBox() const { return m_rank; }
    QSpinBox* topCountBox() const { return m_topCount; }
    TaxonProfiles* profiles() const { return m_profiles; }
    QString statusText() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void request();
    void rebuild();
    QString chooseRank(const QStringList& ranks);
    void updateStatus();
    void onFailed(const QString& biosampleId, const bge::ApiError& error);

    TaxonProfiles* m_profiles;
    QStringList m_ids;
    int m_notMetagenomics = 0;
    int m_beyondLimit = 0;
    QStringList m_failed;
    QComboBox* m_rank;
    QSpinBox* m_topCount;
    QLabel* m_progress;
    CompositionChart* m_chart;
    ComparisonTableModel* m_model;
    PagedTableSection* m_section;
};

} // namespace bge::ui
