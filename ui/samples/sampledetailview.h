#pragma once

#include <QWidget>

namespace bge {
class PlatformApi;
struct Sample;
}

namespace bge::ui {

// Every field of one sample, its raw JSON and its files.
class SampleDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit SampleDetailView(PlatformApi* api, QWidget* parent = nullptr);
    // The sample the view is about; an empty biosample id means none.
    void setSample(const bge::Sample& sample);

Q_SIGNALS:
    // The user asked to download an object of the platform's storage.
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);

private:
    PlatformApi* m_api;
};

} // namespace bge::ui
