#pragma once

#include <QDateEdit>

namespace bge::ui {

// A date that may be left open: its least date shows as the special value ("Any"). Tab walks
// a date's day, month and year before it leaves the field, but on "Any" there are no sections
// to walk and QDateTimeEdit kept the focus for ever, a trap for a keyboard user; there, Tab
// leaves at once.
class OptionalDateEdit final : public QDateEdit
{
    Q_OBJECT
public:
    explicit OptionalDateEdit(QWidget* parent = nullptr);

    bool isOpen() const;

protected:
    bool focusNextPrevChild(bool next) override;
};

} // namespace bge::ui
