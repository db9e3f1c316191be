#include "fieldform.h"

#include "api/apierror.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QLabel* messageLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    // Not wrapped: a wrapped label in a form cell does not make the dialog taller, and these
    // messages are one short sentence.
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

FieldForm::FieldForm(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setContentsMargins({});
}

void FieldForm::addSection(const QString& title)
{
    auto* label = new QLabel(title, this);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    m_form->addRow(label);
}

void FieldForm::addField(const QString& name, const QString& label, QWidget* editor, const QString& note)
{
    editor->setObjectName(name);
    editor->setAccessibleName(label);
    auto* cell = new QWidget(this);
    auto* column = new QVBoxLayout(cell);
    column->setContentsMargins({});
    column->setSpacing(2);
    editor->setParent(cell);
    column->addWidget(editor);
    if (!note.isEmpty()) {
        QLabel* noteLabel = messageLabel(name + u"Note"_s, cell);
        noteLabel->setText(note);
        noteLabel->setEnabled(false); // reads as secondary text
        column->addWidget(noteLabel);
    }
    QLabel* problem = messageLabel(name + u"Problem"_s, cell);
    // A warning colour taken from the theme would be better, but Qt has no such role; red
    // stays readable on light and dark backgrounds.
    QPalette palette = problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    problem->setPalette(palette);
    problem->hide();
    column->addWidget(problem);

    auto* caption = new QLabel(label, this);
    caption->setBuddy(editor);
    m_form->addRow(caption, cell);
    m_editors.insert(name, editor);
    m_problems.insert(name, problem);
}

QList<FieldProblem> FieldForm::showProblems(const QList<FieldProblem>& problems)
{
    QList<FieldProblem> elsewhere;
    QWidget* first = nullptr;
    for (const FieldProblem& p : problems) {
        QLabel* label = m_problems.value(p.field);
        if (!label) {
            elsewhere.append(p);
            continue;
        }
        // Core words its messages to follow a field name ("external id: give …"); alone
        // under the field they read as sentences.
        QString message = p.message;
        if (!message.isEmpty())
            message[0] = message[0].toUpper();
        label->setText(label->text().isEmpty() ? message : label->text() + u'\n' + message);
        label->show();
        m_editors.value(p.field)->setAccessibleDescription(label->text());
        if (!first)
            first = m_editors.value(p.field);
    }
    if (first)
        first->setFocus(Qt::OtherFocusReason);
    return elsewhere;
}

QList<FieldProblem> FieldForm::problemsFromRefusal(const ApiError& error)
{
    QList<FieldProblem> problems;
    if (error.kind() != ApiError::Kind::Api || !error.apiData().isObject())
        return problems;
    const QJsonObject data = error.apiData().toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it.value().isString())
            problems.append({it.key(), tr("The platform says: %1").arg(it.value().toString())});
    }
    return problems;
}

void FieldForm::clearProblems()
{
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        it.value()->clear();
        it.value()->hide();
        m_editors.value(it.key())->setAccessibleDescription({});
    }
}

QString FieldForm::problem(const QString& name) const
{
    const QLabel* label = m_problems.value(name);
    return label ? label->text() : QString();
}

} // namespace bge::ui
