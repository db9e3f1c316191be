#pragma once

#include "api/records/sample.h"
#include "api/records/variant.h"
#include "common/pendingjob.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class ErrorBanner;
class ExportButton;
class RsidInput;
class VariantDetailView;
class VariantTableModel;

// Variants of a genomics sample by rsid: the rsid box, the table of calls, the detail of the
// current one, export.
class VariantsView final : public QWidget
{
    Q_OBJECT
public:
    explicit VariantsView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);

    // Looks up the rsids in the box (what the button does).
    void lookUp();
    VariantTableModel* model() const { return m_model; }

private:
    void updateAvailability();
    void showVariants(const QStringList& asked, const QList<bge::Variant>& variants);
    void showCurrent();

    PlatformApi* m_api;
    bge::Sample m_sample;
    PendingJob m_job;
    QLabel* m_hint;
    QWidget* m_content;
    RsidInput* m_input;
    QPushButton* m_lookUp;
    QLabel* m_status;
    ErrorBanner* m_banner;
    VariantTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    VariantDetailView* m_detail;
    ExportButton* m_export;
};

} // namespace bge::ui
