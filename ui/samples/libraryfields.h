#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace bge {
struct ImprovableField;
}

namespace bge::ui {

// The library fields of a sample (set at registration or once by improve_sample) as the
// dialogs and the detail pane present them.
class LibraryFields final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::LibraryFields)

public:
    static QString label(const QString& name);
    // A text box for free-text fields, a list of the allowed values (and an empty choice) else.
    static QWidget* createEditor(const ImprovableField& field, QWidget* parent);
    static QString value(const QWidget* editor);
    static void setValue(QWidget* editor, const QString& value);
};

} // namespace bge::ui
