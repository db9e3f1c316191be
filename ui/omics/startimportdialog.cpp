#include "startimportdialog.h"

#include "omics/omicsconnection.h" // before omicsapi.h: OmicsApi holds a QPointer<OmicsConnection>

#include "importsourcecheck.h"
#include "importsourcesmodel.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "omics/omicsapi.h"
#include "omics/omicsvalidation.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr auto kRoleKey = "omics/lastImportRoleArn";
constexpr qint64 kMaxManifestBytes = 4 * 1024 * 1024; // 100 sources are a few KiB

void setText(QLineEdit* edit, const QString& text)
{
    if (edit->text() != text)
        edit->setText(text);
}

QLineEdit* makeEdit(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

StartImportDialog::StartImportDialog(omics::OmicsApi* api, const QString& storeId,
                                     const QString& defaultRoleArn, const QStringList& knownReferences,
                                     QWidget* parent)
    : QDialog(parent), m_api(api), m_storeId(storeId), m_banner(new ErrorBanner(this)),
      m_role(makeEdit(u"roleEdit"_s, tr("Service role ARN"), this)), m_model(new ImportSourcesModel(this)),
      m_table(new RecordTable(this)), m_addButton(new QPushButton(tr("&Add Source"), this)),
      m_removeButton(new QPushButton(tr("&Remove Source"), this)),
      m_manifestButton(new QPushButton(tr("&Load Manifest…"), this)),
      m_editor(new QGroupBox(tr("Source"), this)), m_type(new QComboBox(m_editor)),
      m_uri1(makeEdit(u"uri1Edit"_s, tr("URI 1"), m_editor)),
      m_uri2(makeEdit(u"uri2Edit"_s, tr("URI 2"), m_editor)),
      m_subject(makeEdit(u"importSubjectEdit"_s, tr("Subject id"), m_editor)),
      m_sample(makeEdit(u"importSampleEdit"_s, tr("Sample id"), m_editor)),
      m_name(makeEdit(u"importNameEdit"_s, tr("Read set name"), m_editor)),
      m_reference(new QComboBox(m_editor)),
      m_generatedFrom(makeEdit(u"importGeneratedFromEdit"_s, tr("Generated from"), m_editor)),
      m_description(makeEdit(u"importDescriptionEdit"_s, tr("Description"), m_editor)),
      m_rowProblems(new QLabel(m_editor)), m_reason(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"startImportDialog"_s);
    setWindowTitle(tr("Start Import Job"));

    const QString last = lastRoleArn();
    m_role->setText(last.isEmpty() ? defaultRoleArn : last);
    m_role->setPlaceholderText(tr("arn:aws:iam::…:role/… (a role HealthOmics can assume to read the files)"));

    m_table->setObjectName(u"importSourcesTable"_s);
    m_table->setAccessibleName(tr("Sources to import"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_addButton->setObjectName(u"addSourceButton"_s);
    m_addButton->setAccessibleName(tr("Add a source"));
    m_addButton->setShortcut(QKeySequence::New);
    m_addButton->setAutoDefault(false);
    m_removeButton->setObjectName(u"removeSourceButton"_s);
    m_removeButton->setAccessibleName(tr("Remove the selected source"));
    m_removeButton->setAutoDefault(false);
    m_manifestButton->setObjectName(u"loadManifestButton"_s);
    m_manifestButton->setAccessibleName(tr("Load a manifest file"));
    m_manifestButton->setShortcut(QKeySequence::Open);
    m_manifestButton->setAutoDefault(false);
    auto* removeAction = new QAction(tr("Remove Source"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);

    m_type->setObjectName(u"sourceTypeCombo"_s);
    m_type->setAccessibleName(tr("File type"));
    for (const char* type : {"FASTQ", "BAM", "CRAM", "UBAM"})
        m_type->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    m_reference->setObjectName(u"importReferenceCombo"_s);
    m_reference->setAccessibleName(tr("Reference ARN"));
    m_reference->setEditable(true);
    m_reference->setInsertPolicy(QComboBox::NoInsert);
    m_reference->addItems(knownReferences);
    m_reference->setEditText({});
    m_reference->lineEdit()->setPlaceholderText(tr("Required for BAM and CRAM: arn:aws:omics:…/reference/…"));
    m_uri1->setPlaceholderText(tr("s3://bucket/key (read 1 for paired FASTQ)"));
    m_uri2->setPlaceholderText(tr("Read 2 of paired FASTQ only"));
    m_subject->setPlaceholderText(tr("Required"));
    m_sample->setPlaceholderText(tr("Required"));
    m_name->setPlaceholderText(tr("Optional"));
    m_generatedFrom->setPlaceholderText(tr("Optional"));
    m_description->setPlaceholderText(tr("Optional"));
    m_rowProblems->setObjectName(u"sourceProblemsLabel"_s);
    m_rowProblems->setWordWrap(true);
    m_rowProblems->setTextFormat(Qt::PlainText);
    m_reason->setObjectName(u"importReasonLabel"_s);
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout(m_editor);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("URI &1:"), m_uri1);
    form->addRow(tr("URI &2:"), m_uri2);
    form->addRow(tr("Su&bject id:"), m_subject);
    form->addRow(tr("Sa&mple id:"), m_sample);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Re&ference:"), m_reference);
    form->addRow(tr("&Generated from:"), m_generatedFrom);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_rowProblems);

    QPushButton* start = m_buttons->button(QDialogButtonBox::Ok);
    start->setText(tr("&Start Import"));
    start->setObjectName(u"startImportButton"_s);
    start->setDefault(true);

    auto* roleRow = new QFormLayout;
    roleRow->addRow(tr("Service r&ole:"), m_role);
    auto* sourceButtons = new QHBoxLayout;
    sourceButtons->addWidget(m_addButton);
    sourceButtons->addWidget(m_removeButton);
    sourceButtons->addStretch();
    sourceButtons->addWidget(m_manifestButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(roleRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(sourceButtons);
    layout->addWidget(m_editor);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);

    setTabOrder(m_role, m_table);
    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_manifestButton);
    setTabOrder(m_manifestButton, m_type);
    setTabOrder(m_type, m_uri1);
    setTabOrder(m_uri1, m_uri2);
    setTabOrder(m_uri2, m_subject);
    setTabOrder(m_subject, m_sample);
    setTabOrder(m_sample, m_name);
    setTabOrder(m_name, m_reference);
    setTabOrder(m_reference, m_generatedFrom);
    setTabOrder(m_generatedFrom, m_description);
    setTabOrder(m_description, m_buttons);

    connect(m_addButton, &QPushButton::clicked, this, &StartImportDialog::addSource);
    connect(m_removeButton, &QPushButton::clicked, this, &StartImportDialog::removeSource);
    connect(removeAction, &QAction::triggered, this, &StartImportDialog::removeSource);
    connect(m_manifestButton, &QPushButton::clicked, this, &StartImportDialog::chooseManifest);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRow(current.isValid() ? current.row() : -1); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        else
            showRow(-1);
    });
    connect(m_role, &QLineEdit::textChanged, this, &StartImportDialog::refreshChecks);
    connect(m_type, &QComboBox::currentIndexChanged, this, &StartImportDialog::editCurrent);
    connect(m_reference, &QComboBox::currentTextChanged, this, &StartImportDialog::editCurrent);
    for (QLineEdit* edit : {m_uri1, m_uri2, m_subject, m_sample, m_name, m_generatedFrom, m_description})
        connect(edit, &QLineEdit::textEdited, this, &StartImportDialog::editCurrent);
    // An editable combo keeps Enter to itself: here it starts the job, as in the other fields.
    connect(m_reference->lineEdit(), &QLineEdit::returnPressed, this, &StartImportDialog::submit);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StartImportDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    addSource();
    resize(960, 680);
}

StartImportDialog::~StartImportDialog() = default;

QString StartImportDialog::lastRoleArn()
{
    return QSettings().value(QLatin1StringView(kRoleKey)).toString();
}

QString StartImportDialog::roleArn() const
{
    return m_role->text().trimmed();
}

bool StartImportDialog::loadManifest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_banner->showMessage(
            tr("“%1” cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    if (file.size() > kMaxManifestBytes) {
        m_banner->showMessage(tr("“%1” is too large for a manifest.").arg(QFileInfo(path).fileName()));
        return false;
    }
    const ImportManifest manifest = parseImportManifest(file.read(kMaxManifestBytes));
    if (!manifest.error.isEmpty()) {
        m_banner->showMessage(tr("“%1” cannot be used: %2").arg(QFileInfo(path).fileName(), manifest.error));
        return false;
    }
    m_banner->clear();
    if (!manifest.roleArn.isEmpty())
        m_role->setText(manifest.roleArn);
    m_model->setSources(manifest.sources);
    refreshChecks();
    return true;
}

void StartImportDialog::chooseManifest()
{
    auto* dialog = new QFileDialog(this, tr("Load Manifest"));
    dialog->setObjectName(u"manifestFileDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("JSON manifests (*.json)"), tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &StartImportDialog::loadManifest);
    dialog->open();
}

void StartImportDialog::addSource()
{
    omics::ImportSourceInput s;
    s.sourceFileType = u"FASTQ"_s;
    const int row = m_model->appendSource(s);
    m_table->selectRow(row);
    refreshChecks();
    m_uri1->setFocus();
}

void StartImportDialog::removeSource()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_model->removeSource(row);
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        showRow(-1);
    refreshChecks();
}

int StartImportDialog::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void StartImportDialog::showRow(int row)
{
    const bool showing = std::exchange(m_showing, true);
    m_editor->setEnabled(row >= 0 && !m_busy);
    m_removeButton->setEnabled(row >= 0);
    const omics::ImportSourceInput s = row >= 0 ? m_model->source(row) : omics::ImportSourceInput{};
    m_type->setCurrentIndex(m_type->findData(s.sourceFileType));
    setText(m_uri1, s.source1);
    setText(m_uri2, s.source2);
    setText(m_subject, s.subjectId);
    setText(m_sample, s.sampleId);
    setText(m_name, s.name);
    setText(m_generatedFrom, s.generatedFrom);
    setText(m_description, s.description);
    if (m_reference->currentText() != s.referenceArn)
        m_reference->setEditText(s.referenceArn);
    const QStringList problems = row >= 0 ? m_model->problems(row) : QStringList();
    m_rowProblems->setText(problems.join(u'\n'));
    m_rowProblems->setVisible(!problems.isEmpty());
    m_showing = showing;
}

void StartImportDialog::editCurrent()
{
    const int row = currentRow();
    if (m_showing || row < 0)
        return;
    omics::ImportSourceInput s = m_model->source(row);
    s.sourceFileType = m_type->currentData().toString();
    s.source1 = m_uri1->text().trimmed();
    s.source2 = m_uri2->text().trimmed();
    s.subjectId = m_subject->text();
    s.sampleId = m_sample->text();
    s.name = m_name->text();
    s.generatedFrom = m_generatedFrom->text();
    s.description = m_description->text();
    s.referenceArn = m_reference->currentText().trimmed();
    m_model->setSource(row, s);
    showRow(row);
    refreshChecks();
}

QString StartImportDialog::blockingReason() const
{
    if (const QString role = importRoleProblem(roleArn()); !role.isEmpty())
        return role;
    if (m_model->rowCount() == 0)
        return tr("Add a source to import.");
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStringList problems = m_model->problems(row);
        if (!problems.isEmpty())
            return tr("%n source(s) need attention. Source %1: %2", nullptr, m_model->problemCount())
                .arg(row + 1)
                .arg(problems.first());
    }
    return {};
}

void StartImportDialog::refreshChecks()
{
    fitColumnsToContents(m_table); // a few rows: cheap, and the URIs stay readable
    const QString reason = blockingReason();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty() && !m_busy);
    m_reason->setText(reason.isEmpty() ? tr("%n source(s) ready to import.", nullptr, m_model->rowCount())
                                       : reason);
}

void StartImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_role->setEnabled(!busy);
    m_table->setEnabled(!busy);
    m_addButton->setEnabled(!busy);
    m_manifestButton->setEnabled(!busy);
    m_editor->setEnabled(!busy && currentRow() >= 0);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Starting…") : tr("&Start Import"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    refreshChecks();
}

void StartImportDialog::submit()
{
    refreshChecks();
    if (m_busy || !blockingReason().isEmpty() || !m_api)
        return;
    omics::StartImportInput input;
    input.roleArn = roleArn();
    input.sources = m_model->sources();
    // The same request sent again (after a lost answer) keeps its token, so the service
    // answers with the job it already started; a changed request is a new job.
    input.clientToken = u"x"_s;
    const QByteArray request =
        QJsonDocument(omics::Validation::startImportJson(input)).toJson(QJsonDocument::Compact);
    if (request != m_sentRequest || m_clientToken.isEmpty())
        m_clientToken = omics::OmicsApi::newClientToken();
    m_sentRequest = request;
    input.clientToken = m_clientToken;
    m_banner->clear();
    setBusy(true);
    m_api->startImportJob(m_storeId, input)->run(this, [this](const Result<omics::ImportJobSummary>& result) {
        setBusy(false);
        if (!result) {
            m_banner->showError(result.error(), [this] { submit(); });
            return;
        }
        QSettings().setValue(QLatin1StringView(kRoleKey), roleArn());
        Q_EMIT importStarted(result.value());
        accept();
    });
}

void StartImportDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

} // namespace bge::ui
