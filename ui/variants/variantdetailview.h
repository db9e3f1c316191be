#pragma once

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace bge {
struct Variant;
}

namespace bge::ui {

// Everything the platform said about one variant: the call (GT, DP, GQ, AD, PL), allele
// frequencies per population, where the call came from (assembly, dbSNP, pipeline), and the
// record as received.
class VariantDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit VariantDetailView(QWidget* parent = nullptr);

    // nullptr clears the pane.
    void setVariant(const bge::Variant* variant);
    // The value shown for a field, by its object name ("callDepth", "frequencies", …), for tests.
    QString fieldText(const QString& objectName) const;

private:
    QLabel* addField(const QString& label, const QString& objectName);

    QFormLayout* m_form;
    QPlainTextEdit* m_raw;
    QHash<QString, QLabel*> m_fields;
};

} // namespace bge::ui
