#pragma once

#include <QWidget>

namespace bge {
class PlatformApi;
struct Sample;
}

namespace bge::ui {

// The user's samples: a server-paged table with filters and a quick search.
class SamplesPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SamplesPanel(PlatformApi* api, QWidget* parent = nullptr);

Q_SIGNALS:
    void currentSampleChanged(const bge::Sample& sample);

private:
    PlatformApi* m_api;
};

} // namespace bge::ui
