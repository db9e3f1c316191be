#pragma once

#include "api/platformcodes.h"

#include <QToolButton>

class QAction;

namespace bge::ui {

// A multi-choice of platform codes (sites, omics, …) as a button with a menu of check boxes.
// Nothing checked means "any". The button's text names what is chosen.
class CodeChoiceButton final : public QToolButton
{
    Q_OBJECT
public:
    // `showCodes` appends the code to each name, for tables whose names alone are ambiguous.
    CodeChoiceButton(const QString& label, const QList<PlatformCode>& codes, bool showCodes,
                     QWidget* parent = nullptr);

    QList<int> selectedCodes() const;
    // Codes not in the table are ignored.
    void setSelectedCodes(const QList<int>& codes);

Q_SIGNALS:
    void selectionChanged();

private:
    void updateText();

    QString m_label;
    QList<QAction*> m_choices;
    QAction* m_any;
};

} // namespace bge::ui
