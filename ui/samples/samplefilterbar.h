#pragma once

#include "samplefilters.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace bge::ui {

class CodeChoiceButton;

// Every filter of GET /samples. These search all of the user's samples on the server, unlike
// the quick search, which only looks through the rows already loaded.
class SampleFilterBar final : public QGroupBox
{
    Q_OBJECT
public:
    explicit SampleFilterBar(QWidget* parent = nullptr);

    SampleFilters filters() const;
    // Sets the widgets without emitting filtersChanged().
    void setFilters(const SampleFilters& filters);

Q_SIGNALS:
    // A choice was made, or a text filter was confirmed (Enter, or leaving the box).
    void filtersChanged();

private:
    void clearAll();
    void updateClearButton();

    CodeChoiceButton* m_sites;
    CodeChoiceButton* m_omics;
    CodeChoiceButton* m_organisms;
    CodeChoiceButton* m_statuses;
    QComboBox* m_availability;
    QLineEdit* m_projects;
    QLineEdit* m_ids;
    QPushButton* m_clear;
};

} // namespace bge::ui
