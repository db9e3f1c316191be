#pragma once

#include "api/job.h"
#include "api/records/sample.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class ErrorBanner;
class JsonTreeModel;
class SampleFieldsView;
class SampleFilesPane;

// Every field of one sample, its raw JSON and its files. What the list knows is shown at once;
// the full record (with its files) is fetched alongside.
class SampleDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit SampleDetailView(PlatformApi* api, QWidget* parent = nullptr);
    ~SampleDetailView() override;

    // nullptr: show only what setSample() is given.
    void setApi(PlatformApi* api);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);
    const bge::Sample& sample() const { return m_sample; }
    bool isLoading() const { return bool(m_job); }

Q_SIGNALS:
    // The user asked to download an object of the platform's storage.
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);
    // The full record arrived (with its files).
    void sampleLoaded(const bge::Sample& sample);

private:
    void fetch();
    void display(const bge::Sample& sample);
    void abortFetch();

    PlatformApi* m_api;
    Sample m_sample;
    QPointer<JobBase> m_job;
    quint64 m_generation = 0;

    QStackedWidget* m_pages;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_loading;
    ErrorBanner* m_banner;
    QTabWidget* m_tabs;
    SampleFieldsView* m_fields;
    SampleFilesPane* m_files;
    JsonTreeModel* m_json;
    QTreeView* m_jsonView;
};

} // namespace bge::ui
