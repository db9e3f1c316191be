#pragma once

#include <QStringList>

class QSettings;

namespace bge::ui {

// Model ids run before, most recent first. The platform has no call that lists models (ids
// come from its documentation or from whoever built the model), so the picker is free text
// that remembers what worked, in QSettings under "models/recent".
class RecentModelIds final
{
public:
    static constexpr int kKept = 12;

    explicit RecentModelIds(QSettings* settings) : m_settings(settings) {}

    QStringList ids() const;
    void remember(const QString& id);

private:
    QSettings* m_settings;
};

} // namespace bge::ui
