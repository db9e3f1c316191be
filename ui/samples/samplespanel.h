#pragma once

#include "samplefilters.h"
#include "samplesortfilterproxy.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace bge {
class ApiError;
class PlatformApi;
struct Sample;
} // namespace bge

namespace bge::ui {

class ColumnChooser;
class ErrorBanner;
class SampleFilterBar;
class SampleQueryResolver;
class SampleTableModel;

// The user's samples: a server-paged table with the platform's filters, a quick search through
// the loaded rows, and the actions on samples (refresh, register, improve). Filters and the
// table's header (column order, widths, hidden columns, sorting) are remembered in QSettings.
class SamplesPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SamplesPanel(PlatformApi* api, QWidget* parent = nullptr);
    ~SamplesPanel() override;

    // nullptr (signed out): empty and disabled.
    void setApi(PlatformApi* api);

    // Shows these filters in the bar and loads what they match (as if the user set them).
    void setFilters(const SampleFilters& filters);
    const SampleFilters& filters() const { return m_applied; }

    QAction* refreshAction() const { return m_refresh; }
    QAction* registerSampleAction() const { return m_register; }
    QAction* improveSampleAction() const { return m_improve; }
    // Shows or folds away the server filters (checked: shown); remembered.
    QAction* filtersAction() const { return m_showFilters; }

    SampleTableModel* model() const { return m_model; }
    SampleSortFilterProxy* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    SampleFilterBar* filterBar() const { return m_filterBar; }
    // The sample with the cursor (the one the result views show); an empty biosample id when none.
    bge::Sample currentSample() const;
    // Every selected sample, in the table's order (Ctrl- and Shift-click select several), as
    // the table knows it: without the raw JSON, sequencing and statistics (a selection can be
    // 100,000 rows; the comparing views need the ids and omics).
    QList<bge::Sample> selectedSamples() const;
    QString statusText() const;
    // Looking up external ids or loading a page.
    bool isLoading() const;

Q_SIGNALS:
    void currentSampleChanged(const bge::Sample& sample);
    // The set of selected samples changed (not only their order): the views that compare samples.
    void selectedSamplesChanged(const QList<bge::Sample>& samples);

private:
    void buildActions();
    void restoreSettings();
    void saveSettings() const;
    void applyFilters();
    void load();
    void onCurrentChanged();
    void onSelectionChanged();
    void onPageLoaded();
    void onLoadFailed(const bge::ApiError& error);
    void updateStatus();
    void updateActions();
    void updateFiltersAction();
    void openRegisterDialog();
    void openImproveDialog();
    void refreshSample(const QString& biosampleId);
    QList<std::pair<QString, QString>> knownProjects() const;

    PlatformApi* m_api;
    SampleTableModel* m_model;
    SampleSortFilterProxy* m_proxy;
    SampleFilterBar* m_filterBar;
    QLineEdit* m_search;
    ErrorBanner* m_banner;
    QTableView* m_view;
    QLabel* m_status;
    ColumnChooser* m_columns = nullptr;
    QTimer* m_saveHeader;
    QAction* m_refresh = nullptr;
    QAction* m_register = nullptr;
    QAction* m_showFilters = nullptr;
    QAction* m_improve = nullptr;

    SampleQueryResolver* m_resolver;
    SampleFilters m_applied;
    QString m_noMatch;   // why the table is empty when no request was made
    QString m_currentId; // the sample last announced by currentSampleChanged
    QStringList m_selectedIds; // the samples last announced by selectedSamplesChanged
    QString m_selectWhenLoaded;
    bool m_fitColumns = false; // a sample just registered, selected once a page brings it
};

} // namespace bge::ui
