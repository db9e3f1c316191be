#pragma once

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QVBoxLayout;

namespace bge {
struct Sample;
}

namespace bge::ui {

// Every field of a sample laid out for reading, in groups: identity; organism, site and omics;
// projects; library; sequencing; statistics; status; times. Values are selectable text.
// Each value label is named "field_<platform key>" (e.g. field_biosample_id).
class SampleFieldsView final : public QWidget
{
    Q_OBJECT
public:
    explicit SampleFieldsView(QWidget* parent = nullptr);

    void setSample(const bge::Sample& sample);

private:
    QFormLayout* addGroup(const QString& title, const QString& objectName);
    void addRow(QFormLayout* form, const QString& label, const QString& key, const QString& value,
                const QString& toolTip = {});

    QVBoxLayout* m_layout;
    QWidget* m_content = nullptr;
};

} // namespace bge::ui
