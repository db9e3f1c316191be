#pragma once

#include "api/sampleinput.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace bge {
class ApiError;
}

namespace bge::ui {

// A form whose fields are named by the platform's parameter names, with a message under each
// field that has a problem. Problems come from local validation (FieldProblem) or from the
// platform's refusal, whose data names the fields ({"external_sample_id": "已登记"}).
class FieldForm final : public QWidget
{
    Q_OBJECT
public:
    explicit FieldForm(QWidget* parent = nullptr);

    // `note` is shown under the field always (e.g. why it is read-only).
    void addField(const QString& name, const QString& label, QWidget* editor, const QString& note = {});
    void addSection(const QString& title);

    // Shows each problem under its field; returns the problems that name no field of the form.
    QList<FieldProblem> showProblems(const QList<FieldProblem>& problems);
    // The fields the platform's refusal names, as problems (its own words).
    static QList<FieldProblem> problemsFromRefusal(const ApiError& error);
    void clearProblems();
    QString problem(const QString& name) const;
    QWidget* editor(const QString& name) const { return m_editors.value(name); }

private:
    QFormLayout* m_form;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_problems;
};

} // namespace bge::ui
