#include "libraryfields.h"

#include "api/sampleinput.h"

#include <QComboBox>
#include <QLineEdit>

namespace bge::ui {

QString LibraryFields::label(const QString& name)
{
    if (name == u"library_id")
        return tr("Library id");
    if (name == u"library_strategy")
        return tr("Library strategy");
    if (name == u"library_source")
        return tr("Library source");
    if (name == u"library_selection")
        return tr("Library selection");
    if (name == u"library_layout")
        return tr("Library layout");
    return name;
}

QWidget* LibraryFields::createEditor(const ImprovableField& field, QWidget* parent)
{
    if (field.allowedValues.isEmpty()) {
        auto* edit = new QLineEdit(parent);
        edit->setClearButtonEnabled(true);
        return edit;
    }
    auto* combo = new QComboBox(parent);
    combo->addItem(tr("(leave empty)"), QString());
    for (const QString& v : field.allowedValues)
        combo->addItem(v, v); // vocabulary terms are data: never translated
    return combo;
}

QString LibraryFields::value(const QWidget* editor)
{
    if (const auto* edit = qobject_cast<const QLineEdit*>(editor))
        return edit->text().trimmed();
    if (const auto* combo = qobject_cast<const QComboBox*>(editor))
        return combo->currentData().toString();
    return {};
}

void LibraryFields::setValue(QWidget* editor, const QString& value)
{
    if (auto* edit = qobject_cast<QLineEdit*>(editor))
        edit->setText(value);
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

} // namespace bge::ui
