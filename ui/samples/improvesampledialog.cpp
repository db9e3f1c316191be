#include "improvesampledialog.h"

#include "fieldform.h"
#include "libraryfields.h"

#include "api/platformapi.h"
#include "api/sampleinput.h"
#include "common/errorbanner.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

ImproveSampleDialog::ImproveSampleDialog(PlatformApi* api, const QString& biosampleId, QWidget* parent)
    : QDialog(parent), m_api(api), m_id(biosampleId), m_layout(new QVBoxLayout(this)),
      m_banner(new ErrorBanner(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"improveSampleDialog"_s);
    setWindowTitle(tr("Improve Sample %1").arg(biosampleId));
    m_status->setObjectName(u"improveStatus"_s);
    m_status->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveButton"_s);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImproveSampleDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Grows with the messages shown under the fields, never clips them.
    m_layout->setSizeConstraint(QLayout::SetMinimumSize);
    m_layout->addWidget(m_banner);
    m_layout->addWidget(m_status);
    m_layout->addStretch();
    m_layout->addWidget(m_buttons);
    load();
}

void ImproveSampleDialog::load()
{
    if (!m_api) {
        m_banner->showMessage(tr("Sign in to improve samples."));
        return;
    }
    m_status->setText(tr("Loading the sample…"));
    m_api->sample(m_id)->run(this, [this](const Result<Sample>& r) {
        if (!r.ok()) {
            m_status->clear();
            m_banner->showError(r.error(), [this] { load(); });
            return;
        }
        buildForm(r.value());
    });
}

void ImproveSampleDialog::buildForm(const Sample& sample)
{
    m_sample = sample;
    m_form = new FieldForm(this);
    for (const ImprovableField& f : improvableSampleFields()) {
        const QString value = improvableFieldValue(sample, f.name).value_or(QString());
        if (value.isEmpty()) {
            QWidget* editor = LibraryFields::createEditor(f, m_form);
            m_form->addField(f.name, LibraryFields::label(f.name), editor);
            m_editable.append({f.name, editor});
        } else {
            auto* shown = new QLineEdit(value, m_form);
            shown->setReadOnly(true);
            m_form->addField(f.name, LibraryFields::label(f.name), shown,
                             tr("Already set: the platform does not allow changing it."));
        }
    }
    m_layout->insertWidget(m_layout->indexOf(m_status) + 1, m_form);
    if (m_editable.isEmpty()) {
        m_status->setText(tr("Every field of this sample is already set: there is nothing left to fill in."));
    } else {
        m_status->setText(
            tr("Fill in the fields that are still empty. Once saved, a value cannot be changed."));
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
        m_editable.first().second->setFocus(Qt::OtherFocusReason);
    }
    Q_EMIT ready();
}

QList<std::pair<QString, QString>> ImproveSampleDialog::changes() const
{
    QList<std::pair<QString, QString>> fields;
    for (const auto& [name, editor] : m_editable) {
        if (const QString value = LibraryFields::value(editor); !value.isEmpty())
            fields.append({name, value});
    }
    return fields;
}

void ImproveSampleDialog::submit()
{
    if (!m_form || !m_api)
        return;
    m_banner->clear();
    m_form->clearProblems();
    const QList<std::pair<QString, QString>> fields = changes();
    const QList<FieldProblem> problems = improvementProblems(m_sample, fields);
    if (!problems.isEmpty()) {
        // "Fill in at least one field" names no field: it goes to the banner.
        for (const FieldProblem& p : m_form->showProblems(problems))
            m_banner->showMessage(p.message);
        return;
    }
    setBusy(true);
    m_api->improveSample(m_id, fields)->run(this, [this](const Result<Done>& r) {
        setBusy(false);
        if (!r.ok()) {
            m_banner->showError(r.error());
            m_form->showProblems(FieldForm::problemsFromRefusal(r.error()));
            return;
        }
        Q_EMIT improved(m_sample.biosampleId.isEmpty() ? m_id : m_sample.biosampleId);
        accept();
    });
}

void ImproveSampleDialog::setBusy(bool busy)
{
    m_form->setEnabled(!busy);
    QPushButton* save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(!busy);
    save->setText(busy ? tr("Saving…") : tr("&Save"));
}

} // namespace bge::ui
