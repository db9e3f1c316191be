#include "optionaldateedit.h"

namespace bge::ui {

OptionalDateEdit::OptionalDateEdit(QWidget* parent) : QDateEdit(parent) {}

bool OptionalDateEdit::isOpen() const
{
    return !specialValueText().isEmpty() && date() == minimumDate();
}

bool OptionalDateEdit::focusNextPrevChild(bool next)
{
    if (isOpen())
        return QWidget::focusNextPrevChild(next);
    return QDateEdit::focusNextPrevChild(next);
}

} // namespace bge::ui
