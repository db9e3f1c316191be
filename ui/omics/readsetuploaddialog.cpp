#include "readsetuploaddialog.h"

#include "readsetuploadmodel.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "omics/omicsapi.h"
#include "seqformat/readsetfiletype.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kReferencePages = 10; // 1,000 read sets are plenty to find the references in use

QStringList localFiles(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

// Typing calls showRow() after every key: text set only when it differs keeps the cursor and undo.
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
    edit->setMaxLength(512); // longer text is refused with a message, not cut silently
    return edit;
}

} // namespace

ReadSetUploadDialog::ReadSetUploadDialog(omics::OmicsApi* api, const QString& account,
                                         const omics::SequenceStore& store, const QStringList& files,
                                         QWidget* parent)
    : QDialog(parent), m_api(api), m_account(account), m_store(store), m_banner(new ErrorBanner(this)),
      m_model(new ReadSetUploadModel(this)), m_table(new RecordTable(this)),
      m_addButton(new QPushButton(tr("&Add Files…"), this)),
      m_removeButton(new QPushButton(tr("&Remove"), this)), m_editor(new QGroupBox(tr("Read set"), this)),
      m_type(new QComboBox(m_editor)), m_name(makeEdit(u"nameEdit"_s, tr("Read set name"), m_editor)),
      m_subject(makeEdit(u"subjectEdit"_s, tr("Subject id"), m_editor)),
      m_sample(makeEdit(u"sampleEdit"_s, tr("Sample id"), m_editor)),
      m_referenceLabel(new QLabel(tr("Re&ference:"), m_editor)), m_reference(new QComboBox(m_editor)),
      m_referenceHint(new QLabel(m_editor)),
      m_generatedFrom(makeEdit(u"generatedFromEdit"_s, tr("Generated from"), m_editor)),
      m_description(makeEdit(u"descriptionEdit"_s, tr("Description"), m_editor)),
      m_notes(new QLabel(m_editor)), m_rowProblems(new QLabel(m_editor)), m_reason(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"readSetUploadDialog"_s);
    setWindowTitle(tr("Upload Read Sets"));
    setAcceptDrops(true);

    auto* intro = new QLabel(
        tr("To the sequence store <b>%1</b> (%2). Check what each read set will be; drop more files here or "
           "add "
           "them.")
            .arg((store.name.isEmpty() ? store.id : store.name).toHtmlEscaped(), store.id.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);

    m_table->setObjectName(u"proposalsTable"_s);
    m_table->setAccessibleName(tr("Proposed read sets"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_addButton->setObjectName(u"addFilesButton"_s);
    m_addButton->setAccessibleName(tr("Add files"));
    m_addButton->setShortcut(QKeySequence::Open);
    m_addButton->setAutoDefault(false);
    m_removeButton->setObjectName(u"removeFilesButton"_s);
    m_removeButton->setAccessibleName(tr("Remove the selected read set"));
    m_removeButton->setAutoDefault(false);
    auto* removeAction = new QAction(tr("Remove"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);

    m_type->setObjectName(u"fileTypeCombo"_s);
    m_type->setAccessibleName(tr("File type"));
    for (auto type : {seqformat::ReadSetFileType::Fastq, seqformat::ReadSetFileType::Bam,
                      seqformat::ReadSetFileType::Cram, seqformat::ReadSetFileType::Ubam})
        m_type->addItem(seqformat::wireName(type), seqformat::wireName(type));
    m_reference->setObjectName(u"referenceCombo"_s);
    m_reference->setAccessibleName(tr("Reference ARN"));
    m_reference->setEditable(true);
    m_reference->setInsertPolicy(QComboBox::NoInsert);
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reference->setMinimumContentsLength(40);
    m_reference->lineEdit()->setPlaceholderText(tr("arn:aws:omics:…:referenceStore/…/reference/…"));
    m_referenceLabel->setBuddy(m_reference);
    m_referenceHint->setObjectName(u"referenceHint"_s);
    m_referenceHint->setWordWrap(true);
    m_referenceHint->setText(tr("The references the store's read sets already use are offered; any other "
                                "reference ARN can be typed."));
    m_name->setPlaceholderText(tr("Required"));
    m_subject->setPlaceholderText(tr("Required"));
    m_sample->setPlaceholderText(tr("Required"));
    m_generatedFrom->setPlaceholderText(tr("Optional, e.g. the sequencing run"));
    m_description->setPlaceholderText(tr("Optional"));
    m_notes->setObjectName(u"notesLabel"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_rowProblems->setObjectName(u"rowProblemsLabel"_s);
    m_rowProblems->setWordWrap(true);
    m_rowProblems->setTextFormat(Qt::PlainText);
    m_rowProblems->setForegroundRole(QPalette::LinkVisited);
    m_reason->setObjectName(u"reasonLabel"_s);
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout(m_editor);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Su&bject id:"), m_subject);
    form->addRow(tr("Sa&mple id:"), m_sample);
    form->addRow(m_referenceLabel, m_reference);
    form->addRow(QString(), m_referenceHint);
    form->addRow(tr("&Generated from:"), m_generatedFrom);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_notes);
    form->addRow(QString(), m_rowProblems);

    QPushButton* upload = m_buttons->button(QDialogButtonBox::Ok);
    upload->setText(tr("&Upload"));
    upload->setObjectName(u"uploadButton"_s);
    upload->setAccessibleName(tr("Upload"));
    upload->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);

    auto* fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_addButton);
    fileButtons->addWidget(m_removeButton);
    fileButtons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(fileButtons);
    layout->addWidget(m_editor);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);

    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_type);
    setTabOrder(m_type, m_name);
    setTabOrder(m_name, m_subject);
    setTabOrder(m_subject, m_sample);
    setTabOrder(m_sample, m_reference);
    setTabOrder(m_reference, m_generatedFrom);
    setTabOrder(m_generatedFrom, m_description);
    setTabOrder(m_description, m_buttons);

    connect(m_addButton, &QPushButton::clicked, this, &ReadSetUploadDialog::chooseFiles);
    connect(m_removeButton, &QPushButton::clicked, this, &ReadSetUploadDialog::removeSelected);
    connect(removeAction, &QAction::triggered, this, &ReadSetUploadDialog::removeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRow(current.isValid() ? current.row() : -1); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        else
            showRow(-1);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &ReadSetUploadDialog::editCurrent);
    connect(m_reference, &QComboBox::currentTextChanged, this, &ReadSetUploadDialog::editCurrent);
    for (QLineEdit* edit : {m_name, m_subject, m_sample, m_generatedFrom, m_description})
        connect(edit, &QLineEdit::textEdited, this, &ReadSetUploadDialog::editCurrent);
    // An editable combo keeps Enter to itself: here it accepts the dialog, as in the other fields.
    connect(m_reference->lineEdit(), &QLineEdit::returnPressed, this, &ReadSetUploadDialog::submit);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReadSetUploadDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    addFiles(files);
    if (m_model->rowCount() == 0)
        showRow(-1);
    loadReferences({}, kReferencePages);
    resize(900, 640);
}

ReadSetUploadDialog::~ReadSetUploadDialog() = default;

void ReadSetUploadDialog::addFiles(const QStringList& paths)
{
    QStringList all;
    for (const ReadSetUploadProposal& p : m_model->proposals())
        all += p.paths();
    for (const QString& path : paths) {
        const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        if (!all.contains(absolute))
            all.append(absolute);
    }
    ReadSetUploadProposals proposed = proposeReadSetUploads(all);
    // What the person already changed in a read set that stays as it was is kept.
    for (ReadSetUploadProposal& p : proposed.proposals) {
        for (const ReadSetUploadProposal& old : m_model->proposals()) {
            if (old.paths() == p.paths()) {
                p = old;
                break;
            }
        }
    }
    m_model->setProposals(proposed.proposals);
    if (proposed.errors.isEmpty())
        m_banner->clear();
    else
        m_banner->showMessage(proposed.errors.join(u'\n'));
    refreshChecks();
}

QList<omics::ReadSetUploadOptions> ReadSetUploadDialog::uploads() const
{
    QList<omics::ReadSetUploadOptions> out;
    for (const ReadSetUploadProposal& p : m_model->proposals())
        out.append(p.options(m_store.id));
    return out;
}

QString ReadSetUploadDialog::blockingReason() const
{
    if (m_model->rowCount() == 0)
        return tr("Add the files to upload.");
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStringList problems = m_model->proposal(row).problems();
        if (problems.isEmpty())
            continue;
        const QString what = m_model->data(m_model->index(row, ReadSetUploadModel::Files)).toString();
        return tr("%n read set(s) need attention. %1: %2", nullptr, m_model->problemCount())
            .arg(what, problems.first());
    }
    return {};
}

void ReadSetUploadDialog::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ReadSetUploadDialog::dropEvent(QDropEvent* event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
}

void ReadSetUploadDialog::chooseFiles()
{
    auto* dialog = new QFileDialog(this, tr("Add Files"));
    dialog->setObjectName(u"addFilesDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters(
        {tr("Sequence files (*.fastq *.fq *.fastq.gz *.fq.gz *.bam *.ubam *.cram)"), tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &ReadSetUploadDialog::addFiles);
    dialog->open();
}

void ReadSetUploadDialog::removeSelected()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_model->removeProposal(row);
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        showRow(-1);
    refreshChecks();
}

void ReadSetUploadDialog::loadReferences(const QString& nextToken, int pagesLeft)
{
    if (!m_api || m_store.id.isEmpty())
        return;
    omics::ListOptions options;
    options.maxResults = 100;
    options.nextToken = nextToken;
    // ListReferences is not part of our client: the references in use in this store are the
    // useful suggestions anyway (a store usually holds one genome build), and any ARN can be typed.
    m_referenceJob.run<omics::OmicsPage<omics::ReadSetListItem>>(
        m_api->listReadSets(m_store.id, {}, options), this,
        [this, pagesLeft](const Result<omics::OmicsPage<omics::ReadSetListItem>>& page) {
            if (!page) {
                m_banner->showError(page.error(), [this] { loadReferences({}, kReferencePages); });
                m_referenceHint->setText(tr("The store's read sets could not be listed, so no reference is "
                                            "offered; type the reference ARN."));
                return;
            }
            for (const omics::ReadSetListItem& item : page.value().items) {
                if (!item.referenceArn.isEmpty() && !m_references.contains(item.referenceArn))
                    m_references.append(item.referenceArn);
            }
            if (!page.value().nextToken.isEmpty() && pagesLeft > 1)
                return loadReferences(page.value().nextToken, pagesLeft - 1);
            std::sort(m_references.begin(), m_references.end());
            const bool showing = std::exchange(m_showing, true);
            const QString text = m_reference->currentText();
            m_reference->clear();
            m_reference->addItems(m_references);
            m_reference->setEditText(text);
            m_showing = showing;
            Q_EMIT referencesLoaded();
        });
}

int ReadSetUploadDialog::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ReadSetUploadDialog::showRow(int row)
{
    const bool showing = std::exchange(m_showing, true);
    m_editor->setEnabled(row >= 0);
    m_removeButton->setEnabled(row >= 0);
    if (row < 0) {
        for (QLineEdit* edit : {m_name, m_subject, m_sample, m_generatedFrom, m_description})
            edit->clear();
        m_reference->setEditText({});
        m_type->setCurrentIndex(-1);
        m_notes->clear();
        m_rowProblems->clear();
        m_referenceLabel->hide();
        m_reference->hide();
        m_referenceHint->hide();
        m_showing = showing;
        return;
    }
    const ReadSetUploadProposal& p = m_model->proposal(row);
    m_type->setCurrentIndex(m_type->findData(p.fileType));
    setText(m_name, p.name);
    setText(m_subject, p.subjectId);
    setText(m_sample, p.sampleId);
    setText(m_generatedFrom, p.generatedFrom);
    setText(m_description, p.description);
    if (m_reference->currentText() != p.referenceArn)
        m_reference->setEditText(p.referenceArn);
    // Only aligned files have a reference: for FASTQ and uBAM the chooser is not even shown.
    const bool reference = p.referenceApplies();
    m_referenceLabel->setVisible(reference);
    m_reference->setVisible(reference);
    m_referenceHint->setVisible(reference);
    const QStringList notes = p.notes();
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    const QStringList problems = p.problems();
    m_rowProblems->setText(problems.join(u'\n'));
    m_rowProblems->setVisible(!problems.isEmpty());
    m_showing = showing;
}

void ReadSetUploadDialog::editCurrent()
{
    const int row = currentRow();
    if (m_showing || row < 0)
        return;
    ReadSetUploadProposal p = m_model->proposal(row);
    p.fileType = m_type->currentData().toString();
    p.name = m_name->text();
    p.subjectId = m_subject->text();
    p.sampleId = m_sample->text();
    p.generatedFrom = m_generatedFrom->text();
    p.description = m_description->text();
    p.referenceArn = m_reference->currentText();
    m_model->setProposal(row, p);
    showRow(row); // the reference chooser follows the type; the problems follow the fields
    refreshChecks();
}

void ReadSetUploadDialog::refreshChecks()
{
    fitColumnsToContents(m_table, 360); // a few rows: cheap, and names and references stay readable
    const QString reason = blockingReason();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
    m_reason->setText(reason.isEmpty() ? tr("%n read set(s) ready to upload.", nullptr, m_model->rowCount())
                                       : reason);
}

void ReadSetUploadDialog::submit()
{
    refreshChecks();
    if (m_submitted || !blockingReason().isEmpty())
        return;
    m_submitted = true; // one Enter, one request, whichever widget saw it first
    Q_EMIT uploadsRequested(m_account, uploads());
    accept();
}

} // namespace bge::ui
