#pragma once

#include "api/records/sample.h"
#include "api/records/variant.h"
#include "common/pendingjob.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedLayout;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class ErrorBanner;
class ExportButton;
class GenotypeComparisonModel;
class GenotypeComparisonView;
class RsidInput;
class RsidPanelBar;
class VariantDetailView;
class VariantTableModel;

// Variants of a genomics sample by rsid: the named rsid panels, the rsid box, the table of
// calls, the detail of the current one, export. With several genomics samples selected, the
// table and detail give way to a comparison of their genotypes.
class VariantsView final : public QWidget
{
    Q_OBJECT
public:
    explicit VariantsView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);
    // Every sample selected in the sample list, in its order (the current one is also given to
    // setSample()). Two or more genomics samples among them are compared at the rsids last
    // looked up; fewer, and the view is about setSample()'s sample alone.
    void setSamples(const QList<bge::Sample>& samples);

    // Looks up the rsids in the box (what the button does): for the sample, or for every
    // compared sample.
    void lookUp();
    VariantTableModel* model() const { return m_model; }
    GenotypeComparisonModel* comparisonModel() const;

private:
    bool isComparing() const;
    // The box's rsids, or nothing (with the reason in the banner) when they cannot be sent.
    std::optional<QStringList> rsidsToLookUp();
    void lookUpSample(const QStringList& rsids);
    void updateAvailability();
    void setSingleStatus(const QString& text);
    void showVariants(const QStringList& asked, const QList<bge::Variant>& variants);
    void showCurrent();

    PlatformApi* m_api;
    QSettings* m_settings;
    bge::Sample m_sample;
    PendingJob m_job;
    // The single-sample status, kept while the label shows the comparison's.
    QString m_singleStatus;
    bool m_wasComparing = false;
    QLabel* m_hint;
    QStackedLayout* m_layout = nullptr;
    QWidget* m_content;
    RsidInput* m_input;
    RsidPanelBar* m_panels;
    QPushButton* m_lookUp;
    QLabel* m_status;
    ErrorBanner* m_banner;
    QStackedWidget* m_pages;
    QSplitter* m_single;
    VariantTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    VariantDetailView* m_detail;
    ExportButton* m_export;
    GenotypeComparisonView* m_comparison;
    ExportButton* m_comparisonExport;
};

} // namespace bge::ui
