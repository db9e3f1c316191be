#include "omicsarea.h"

#include "importjobsview.h"
#include "omicsworkspace.h"
#include "readsetspanel.h"
#include "readsetuploaddialog.h"
#include "startimportdialog.h" // importjobsview.h needs it complete
#include "storeuploadsview.h"

#include "omics/omicsconnection.h"
// (after omicsconnection.h: OmicsApi's QPointer needs the complete type)
#include "omics/omicsapi.h"

#include <QAction>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {
const QString kReadSetFolderKey = u"omics/uploadFolder"_s;

// Files as they were dropped or chosen, with the sequencing files inside dropped folders (a
// run's folder), in a stable order so that R1 comes before R2. A folder is walked for reads
// only, and only so far: every file proposed is read (sniffed) on the spot.
constexpr int kMaxFolderFiles = 256;

bool looksLikeReads(const QString& name)
{
    static const QStringList suffixes{u".fastq"_s, u".fq"_s,   u".fastq.gz"_s, u".fq.gz"_s,
                                      u".bam"_s,   u".ubam"_s, u".cram"_s};
    return std::any_of(suffixes.cbegin(), suffixes.cend(),
                       [&name](const QString& s) { return name.endsWith(s, Qt::CaseInsensitive); });
}

QStringList localFiles(const QList<QUrl>& urls, bool* capped)
{
    QStringList files;
    *capped = false;
    for (const QUrl& url : urls) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isFile()) {
            files.append(info.absoluteFilePath());
        } else if (info.isDir()) {
            QStringList inside;
            QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (!looksLikeReads(path))
                    continue;
                if (inside.size() == kMaxFolderFiles) {
                    *capped = true;
                    break;
                }
                inside.append(path);
            }
            inside.sort();
            files += inside;
        }
    }
    files.removeDuplicates();
    return files;
}
} // namespace

OmicsArea::OmicsArea(omics::OmicsConnections* connections, std::optional<SandboxInfo> sandbox,
                     QSettings* settings, QWidget* parent)
    : QWidget(parent), m_connections(connections), m_sandbox(std::move(sandbox)),
      m_workspace(new OmicsWorkspace(connections, m_sandbox, settings, this))
{
    setObjectName(u"omicsArea"_s);
    setAccessibleName(tr("HealthOmics"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_workspace);
    releaseRefreshKey();

    connect(m_workspace, &OmicsWorkspace::storeChanged, this, &OmicsArea::showStore);
    connect(m_workspace, &OmicsWorkspace::downloadRequested, this, &OmicsArea::downloadRequested);
    connect(m_workspace, &OmicsWorkspace::filesDropped, this,
            [this](const QString&, const omics::SequenceStore& store, const QList<QUrl>& urls) {
                if (!store.id.isEmpty() && store.id != m_workspace->currentStore().id)
                    m_workspace->selectStore(store.id);
                proposeUploads(urls);
            });
    if (!m_workspace->currentStore().id.isEmpty())
        showStore(m_workspace->currentAccount(), m_workspace->currentStore());
}

OmicsArea::~OmicsArea()
{
    // The views' jobs hold the api: they go first.
    clearStoreViews();
}

StoreUploadsView* OmicsArea::uploadsView() const
{
    return m_uploads;
}

ImportJobsView* OmicsArea::importJobsView() const
{
    return m_imports;
}

ReadSetUploadDialog* OmicsArea::uploadDialog() const
{
    return m_dialog;
}

void OmicsArea::clearStoreViews()
{
    delete m_dialog;
    delete m_uploads;
    delete m_imports;
    m_api.reset();
}

void OmicsArea::showStore(const QString& account, const omics::SequenceStore& store)
{
    Q_UNUSED(account)
    const bool importsShown = m_imports && m_workspace->storeTabs()->currentWidget() == m_imports;
    const bool uploadsShown = m_uploads && m_workspace->storeTabs()->currentWidget() == m_uploads;
    clearStoreViews();
    omics::OmicsConnection* connection = m_workspace->connection();
    if (store.id.isEmpty() || !connection)
        return;
    m_api = std::make_unique<omics::OmicsApi>(connection);
    QTabWidget* tabs = m_workspace->storeTabs();

    m_uploads = new StoreUploadsView(m_api.get(), store.id, tabs);
    m_uploads->setAccessibleName(tr("Uploads in progress"));
    tabs->setTabToolTip(tabs->addTab(m_uploads, tr("Uploads in progress")),
                        tr("Read-set uploads begun but not completed, from here or elsewhere"));

    const QString role = m_sandbox && m_sandbox->omics ? m_sandbox->omics->importRoleArn : QString();
    m_imports = new ImportJobsView(m_api.get(), store.id, role, tabs);
    m_imports->setAccessibleName(tr("Import jobs"));
    tabs->setTabToolTip(tabs->addTab(m_imports, tr("Import jobs")),
                        tr("Jobs that import read sets from S3 into the store"));
    connect(m_imports, &ImportJobsView::readSetActivated, this,
            [this](const QString& storeId, const QString& readSetId) {
                if (storeId != m_workspace->currentStore().id)
                    return;
                m_workspace->storeTabs()->setCurrentIndex(0);
                m_workspace->readSetsPanel()->selectReadSet(readSetId);
            });
    releaseRefreshKey();
    if (importsShown)
        tabs->setCurrentWidget(m_imports);
    else if (uploadsShown)
        tabs->setCurrentWidget(m_uploads);
}

void OmicsArea::releaseRefreshKey()
{
    // The window's Refresh (F5) refreshes this whole area when it shows (refresh()): a second
    // F5 shortcut inside would be ambiguous, and then neither fires.
    const QKeySequence refresh(QKeySequence::Refresh);
    for (QAction* action : findChildren<QAction*>()) {
        if (action->shortcut() == refresh)
            action->setShortcut({});
    }
}

void OmicsArea::proposeUploads(const QList<QUrl>& urls)
{
    const omics::SequenceStore& store = m_workspace->currentStore();
    if (store.id.isEmpty() || !m_api) {
        Q_EMIT notice(tr("Choose a sequence store first: read sets are uploaded to the selected store."));
        return;
    }
    bool capped = false;
    const QStringList files = localFiles(urls, &capped);
    if (files.isEmpty()) {
        Q_EMIT notice(tr("Nothing to propose: drop FASTQ, BAM, CRAM or uBAM files of this computer, or "
                         "folders that hold them."));
        return;
    }
    if (capped)
        Q_EMIT notice(tr("A dropped folder holds more than %n sequencing files: the first %n are proposed.",
                         nullptr, kMaxFolderFiles));
    // More files while the proposal is open join it (the second read of a pair dropped later).
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->addFiles(files);
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ReadSetUploadDialog(m_api.get(), m_workspace->currentAccount(), store, files, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ReadSetUploadDialog::uploadsRequested, this, &OmicsArea::uploadsRequested);
    m_dialog->open();
}

void OmicsArea::chooseFilesToUpload()
{
    if (m_workspace->currentStore().id.isEmpty() || !m_api) {
        Q_EMIT notice(tr("Choose a sequence store first: read sets are uploaded to the selected store."));
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Upload Read Set"));
    dialog->setObjectName(u"readSetFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters(
        {tr("Sequencing reads (*.fastq *.fq *.fastq.gz *.fq.gz *.bam *.ubam *.cram)"), tr("All files (*)")});
    dialog->setDirectory(QSettings().value(kReadSetFolderKey, QDir::homePath()).toString());
    connect(dialog, &QFileDialog::filesSelected, this, [this, dialog](const QStringList& files) {
        QSettings().setValue(kReadSetFolderKey, dialog->directory().absolutePath());
        QList<QUrl> urls;
        for (const QString& file : files)
            urls.append(QUrl::fromLocalFile(file));
        proposeUploads(urls);
    });
    dialog->open();
}

void OmicsArea::refresh()
{
    m_workspace->refreshAction()->trigger();
    if (m_uploads)
        m_uploads->refresh();
    if (m_imports)
        m_imports->refresh();
}

void OmicsArea::readSetSettled(const QString& account, const QString& storeId, const QString& readSetId,
                               bool active)
{
    Q_UNUSED(readSetId)
    Q_UNUSED(active)
    if (account != m_workspace->currentAccount() || storeId != m_workspace->currentStore().id)
        return;
    m_workspace->refreshReadSets();
    if (m_uploads)
        m_uploads->refresh();
}

} // namespace bge::ui
