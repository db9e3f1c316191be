#pragma once

#include <QPointer>
#include <QPushButton>

class QAbstractItemView;
class QFileDialog;

namespace bge::ui {

// "Export…" under a table: asks for a file with a non-blocking dialog, then writes what the
// view shows (its model, sorted and filtered as shown, visible columns in their order) as CSV
// or TSV through TableExporter.
class ExportButton final : public QPushButton
{
    Q_OBJECT
public:
    ExportButton(QAbstractItemView* view, QWidget* parent = nullptr);

    // The file name the dialog proposes, without suffix (e.g. "variants-E-B20520188980").
    void setSuggestedName(const QString& baseName) { m_baseName = baseName; }
    // What the dialog does once a file is chosen; the format follows the suffix.
    bool exportTo(const QString& path);

Q_SIGNALS:
    void exported(const QString& path);
    void failed(const QString& message);

private:
    void chooseFile();

    QAbstractItemView* m_view;
    QString m_baseName;
    QPointer<QFileDialog> m_dialog;
};

} // namespace bge::ui
