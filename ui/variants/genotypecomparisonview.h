#pragma once

#include "api/apierror.h"
#include "api/records/sample.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class GenotypeComparisonModel;
class GenotypeFetcher;

// The Variants tab's page for two or more genomics samples selected at once: a note naming
// the samples left out (not genomics), and the table of their genotypes at the rsids last
// looked up. A new selection cancels what is in flight and compares the new samples at the
// same rsids, from the cache where it can.
class GenotypeComparisonView final : public QWidget
{
    Q_OBJECT
public:
    // More rows than this are a list, not a comparison; the rest are named in the note.
    static constexpr int kMaxCompared = 40;

    explicit GenotypeComparisonView(PlatformApi* api, QWidget* parent = nullptr);

    // The selection, in its order; samples whose omics is known and not genomics are left out.
    void setSamples(const QList<bge::Sample>& samples);
    // Two or more genomics samples are selected.
    bool isComparing() const { return m_samples.size() >= 2; }
    bool isFetching() const;
    // Fetches every compared sample's calls at `rsids` (valid, as the rsid box parsed them).
    void compare(const QStringList& rsids);
    // Fetches again the samples whose fetch failed.
    void retryFailed();
    // One line on the progress or outcome, for the view's status label.
    QString status() const;

    GenotypeComparisonModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

Q_SIGNALS:
    // A new comparison began (other samples or rsids): earlier failures no longer apply.
    void started();
    void statusChanged();
    // A sample's fetch failed (the others go on).
    void failed(const bge::ApiError& error);

protected:
    // A selection made while the view is hidden is fetched when it is shown: a comparison
    // nobody looks at costs no calls. (What was already asked for finishes and is cached.)
    void showEvent(QShowEvent* event) override;

private:
    void start();
    void fitColumns();

    GenotypeFetcher* m_fetcher;
    GenotypeComparisonModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_note;
    QTableView* m_table;
    QList<bge::Sample> m_samples; // the genomics ones
    bool m_startWhenShown = false;
    QStringList m_rsids;
};

} // namespace bge::ui
