#include "registersampledialog.h"

#include "fieldform.h"
#include "libraryfields.h"
#include "samplefilters.h"

#include "api/platformapi.h"
#include "api/platformcodes.h"
#include "api/sampleinput.h"
#include "common/errorbanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

RegisterSampleDialog::RegisterSampleDialog(PlatformApi* api,
                                           const QList<std::pair<QString, QString>>& knownProjects,
                                           QWidget* parent)
    : QDialog(parent), m_api(api), m_banner(new ErrorBanner(this)), m_form(new FieldForm(this)),
      m_externalId(new QLineEdit(this)), m_site(new QComboBox(this)), m_project(new QComboBox(this)),
      m_duplicates(new QCheckBox(tr("Register even if this external id is already registered"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"registerSampleDialog"_s);
    setWindowTitle(tr("Register a Sample"));

    m_externalId->setMaxLength(kMaxExternalSampleIdLength * 2); // longer text is refused with a message
    m_externalId->setPlaceholderText(tr("The id on the sample's tube or kit"));
    m_site->addItem(tr("Choose a site…"), 0);
    for (const PlatformCode& c : biosampleSiteCodes())
        m_site->addItem(c.name, c.code);
    m_project->setEditable(true);
    m_project->setInsertPolicy(QComboBox::NoInsert);
    for (const auto& [id, name] : knownProjects)
        m_project->addItem(name.isEmpty() ? id : u"%1 %2"_s.arg(id, name), id);
    m_project->setCurrentIndex(-1);
    m_project->lineEdit()->setPlaceholderText(tr("P-W…"));
    m_duplicates->setObjectName(u"duplicate_enabled"_s);

    m_form->addField(u"external_sample_id"_s, tr("External id"), m_externalId);
    m_form->addField(u"biosample_site"_s, tr("Site"), m_site);
    m_form->addField(u"project_id"_s, tr("Project"), m_project);
    m_form->addSection(tr("Library (optional; can also be filled in later)"));
    for (const ImprovableField& f : improvableSampleFields()) {
        QWidget* editor = LibraryFields::createEditor(f, this);
        m_form->addField(f.name, LibraryFields::label(f.name), editor);
        m_library.append({f.name, editor});
    }

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Register"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"registerButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegisterSampleDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    // Grows with the messages shown under the fields, never clips them.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addWidget(m_banner);
    layout->addWidget(m_form);
    layout->addWidget(m_duplicates);
    layout->addStretch();
    layout->addWidget(m_buttons);
    if (!m_api) {
        m_banner->showMessage(tr("Sign in to register samples."));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
}

SampleRegistration RegisterSampleDialog::registration() const
{
    SampleRegistration r;
    r.externalSampleId = m_externalId->text().trimmed();
    r.site = m_site->currentData().toInt();
    // The offered items read "P-W… name": the id is the first word; typed text is taken whole.
    const int chosen = m_project->findText(m_project->currentText());
    r.projectId = chosen >= 0 ? m_project->itemData(chosen).toString()
                              : SampleFilters::splitList(m_project->currentText()).value(0);
    r.duplicateEnabled = m_duplicates->isChecked();
    for (const auto& [name, editor] : m_library) {
        if (const QString value = LibraryFields::value(editor); !value.isEmpty())
            r.extraFields.append({name, value});
    }
    return r;
}

void RegisterSampleDialog::submit()
{
    m_banner->clear();
    m_form->clearProblems();
    const SampleRegistration r = registration();
    if (const QList<FieldProblem> problems = registrationProblems(r); !problems.isEmpty()) {
        m_form->showProblems(problems);
        return;
    }
    if (!m_api)
        return;
    setBusy(true);
    // Not offered a retry: registering is not idempotent. Registering again is the user's call.
    m_api->registerSample(r)->run(this, [this](const Result<QString>& result) {
        setBusy(false);
        if (!result.ok()) {
            m_banner->showError(result.error());
            m_form->showProblems(FieldForm::problemsFromRefusal(result.error()));
            return;
        }
        Q_EMIT registered(result.value());
        accept();
    });
}

void RegisterSampleDialog::setBusy(bool busy)
{
    m_form->setEnabled(!busy);
    m_duplicates->setEnabled(!busy);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!busy);
    ok->setText(busy ? tr("Registering…") : tr("&Register"));
}

} // namespace bge::ui
