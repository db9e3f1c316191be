#include "importjobdetail.h"

#include "omics/omicsconnection.h" // before omicsapi.h: OmicsApi holds a QPointer<OmicsConnection>

#include "importjobmodel.h"
#include "importjobsourcemodel.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "omics/omicsapi.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QString formatTime(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

ImportJobDetail::ImportJobDetail(omics::OmicsApi* api, const QString& storeId, QWidget* parent)
    : QWidget(parent), m_api(api), m_storeId(storeId), m_banner(new ErrorBanner(this)),
      m_title(new QLabel(this)), m_status(new QLabel(this)), m_message(new QLabel(this)),
      m_times(new QLabel(this)), m_model(new ImportJobSourceModel(this)), m_table(new RecordTable(this)),
      m_sourceMessage(new QLabel(this)), m_showReadSet(new QPushButton(tr("Show R&ead Set"), this))
{
    setObjectName(u"importJobDetail"_s);
    setAccessibleName(tr("Import job"));
    m_title->setObjectName(u"importJobTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(u"importJobStatus"_s);
    m_message->setObjectName(u"importJobMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_times->setObjectName(u"importJobTimes"_s);

    m_table->setObjectName(u"importResultsTable"_s);
    m_table->setAccessibleName(tr("Sources of the import job"));
    m_table->setAccessibleDescription(tr("Each source file of the job, what became of it and its read set"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    // The selected source's failure in full: the column cuts a long message short.
    m_sourceMessage->setObjectName(u"sourceMessageLabel"_s);
    m_sourceMessage->setWordWrap(true);
    m_sourceMessage->setTextFormat(Qt::PlainText);
    m_sourceMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showReadSet->setObjectName(u"showReadSetButton"_s);
    m_showReadSet->setAccessibleName(tr("Show the read set this source became"));
    m_showReadSet->setToolTip(tr("Open the read set on the Read sets tab"));

    auto* head = new QHBoxLayout;
    head->addWidget(m_title);
    head->addWidget(m_status);
    head->addStretch();
    head->addWidget(m_times);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_sourceMessage, 1);
    buttons->addWidget(m_showReadSet, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(head);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableView::activated, this, &ImportJobDetail::activateCurrent);
    connect(m_showReadSet, &QPushButton::clicked, this, &ImportJobDetail::activateCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImportJobDetail::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ImportJobDetail::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ImportJobDetail::updateActions);
    showJob({});
}

ImportJobDetail::~ImportJobDetail() = default;

void ImportJobDetail::setStore(const QString& storeId)
{
    if (storeId == m_storeId)
        return;
    showJob({});
    m_storeId = storeId;
}

void ImportJobDetail::showJob(const QString& jobId)
{
    if (jobId == m_jobId && m_job)
        return refresh();
    m_jobId = jobId;
    m_job.reset();
    m_loading.abort();
    m_banner->clear();
    m_model->setSources({});
    m_title->setText(jobId.isEmpty() ? tr("Select an import job to see its sources.")
                                     : tr("Import job %1").arg(jobId));
    m_status->clear();
    m_message->clear();
    m_message->hide();
    m_times->clear();
    if (!jobId.isEmpty())
        refresh();
    updateActions();
}

void ImportJobDetail::refresh()
{
    if (m_jobId.isEmpty() || !m_api || m_loading.isRunning())
        return;
    m_loading.run<omics::ImportJob>(m_api->importJob(m_storeId, m_jobId), this,
                                    [this](const Result<omics::ImportJob>& job) {
                                        if (!job) {
                                            m_banner->showError(job.error(), [this] { refresh(); });
                                            return;
                                        }
                                        m_banner->clear();
                                        present(job.value());
                                        Q_EMIT jobLoaded(job.value());
                                    });
}

void ImportJobDetail::present(const omics::ImportJob& job)
{
    const bool first = !m_job;
    m_job = job;
    m_status->setText(u"<b>%1</b>"_s.arg(ImportJobModel::statusText(job.summary.status).toHtmlEscaped()));
    m_message->setText(job.statusMessage);
    m_message->setVisible(!job.statusMessage.isEmpty());
    m_times->setText(
        job.summary.completionTime.isValid()
            ? tr("Created %1, completed %2")
                  .arg(formatTime(job.summary.creationTime), formatTime(job.summary.completionTime))
            : tr("Created %1").arg(formatTime(job.summary.creationTime)));
    m_model->setSources(job.sources);
    if (first || job.summary.completionTime.isValid())
        fitColumnsToContents(m_table, 420);
    if (first && m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

void ImportJobDetail::activateCurrent()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const QString readSetId = m_model->source(current.row()).readSetId;
    if (!readSetId.isEmpty())
        Q_EMIT readSetActivated(m_storeId, readSetId);
}

void ImportJobDetail::updateActions()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    m_showReadSet->setEnabled(current.isValid() && !m_model->source(current.row()).readSetId.isEmpty());
    m_sourceMessage->setText(current.isValid() ? m_model->source(current.row()).statusMessage : QString());
}

} // namespace bge::ui
