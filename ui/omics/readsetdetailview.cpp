#include "readsetdetailview.h"

#include "omicsformat.h"

#include "common/errorbanner.h"
#include "common/jsontreemodel.h"
#include "common/taborder.h"
#include "omics/omicsapi.h"
#include "omics/readsetdownloadjob.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const QStringList kFiles = {u"SOURCE1"_s, u"SOURCE2"_s, u"INDEX"_s};

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// Names, ids and ARNs are long words without spaces: rather than widen the pane past the
// window, a field is one line as wide as it is given (the full text stays selectable and in
// its tooltip).
QLabel* fieldLabel(QWidget* parent, const QString& key)
{
    auto* text = new QLabel(parent);
    text->setObjectName(u"field_"_s + key);
    text->setTextFormat(Qt::PlainText); // the service's text, never markup
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    text->setMinimumWidth(40);
    return text;
}

} // namespace

ReadSetDetailView::ReadSetDetailView(QWidget* parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_title(new QLabel(this)),
      m_banner(new ErrorBanner(this)), m_copyArn(new QPushButton(tr("&Copy ARN"), this)),
      m_json(new JsonTreeModel(this)), m_jsonView(new QTreeView(this))
{
    setObjectName(u"readSetDetailView"_s);

    auto* empty = new QLabel(tr("Select a read set to see its details."), this);
    empty->setObjectName(u"readSetDetailEmpty"_s);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);

    m_title->setObjectName(u"readSetTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* fieldsPage = new QWidget(this);
    auto* form = new QFormLayout(fieldsPage);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(sectionTitle(tr("Identity"), fieldsPage));
    addField(form, u"name"_s, tr("Name:"));
    addField(form, u"id"_s, tr("ID:"));
    addField(form, u"description"_s, tr("Description:"));
    addField(form, u"subjectId"_s, tr("Subject:"));
    addField(form, u"sampleId"_s, tr("Sample:"));
    addField(form, u"fileType"_s, tr("File type:"));
    addField(form, u"status"_s, tr("Status:"));
    addField(form, u"statusMessage"_s, tr("Status message:"));
    addField(form, u"created"_s, tr("Created:"));
    form->addRow(sectionTitle(tr("Files"), fieldsPage));
    addFileRow(form, u"SOURCE1"_s, tr("Source 1:"));
    addFileRow(form, u"SOURCE2"_s, tr("Source 2:"));
    addFileRow(form, u"INDEX"_s, tr("Index:"));
    form->addRow(sectionTitle(tr("Sequence information"), fieldsPage));
    addField(form, u"readCount"_s, tr("Reads:"));
    addField(form, u"baseCount"_s, tr("Bases:"));
    addField(form, u"alignment"_s, tr("Alignment:"));
    addField(form, u"generatedFrom"_s, tr("Generated from:"));
    addField(form, u"referenceArn"_s, tr("Reference:"));
    form->addRow(sectionTitle(tr("Origin"), fieldsPage));
    addField(form, u"creationType"_s, tr("Created by:"));
    addField(form, u"creationJobId"_s, tr("Job or upload:"));
    QLabel* arn = fieldLabel(fieldsPage, u"arn"_s);
    m_fields.insert(u"arn"_s, arn);
    m_copyArn->setObjectName(u"copyArnButton"_s);
    m_copyArn->setAccessibleName(tr("Copy ARN"));
    m_copyArn->setToolTip(tr("Copy the read set's ARN to the clipboard"));
    m_copyArn->setAutoDefault(false);
    connect(m_copyArn, &QPushButton::clicked, this, &ReadSetDetailView::copyArn);
    auto* arnRow = new QHBoxLayout;
    arnRow->addWidget(arn, 1);
    arnRow->addWidget(m_copyArn);
    form->addRow(tr("ARN:"), arnRow);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(u"readSetFieldsScroll"_s);
    scroll->setAccessibleName(tr("Read set details"));
    scroll->setAccessibleDescription(tr("The read set's identity, files and origin"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(fieldsPage);

    m_jsonView->setObjectName(u"readSetJsonView"_s);
    m_jsonView->setAccessibleName(tr("Raw JSON of the read set"));
    m_jsonView->setModel(m_json);
    m_jsonView->setUniformRowHeights(true);
    m_jsonView->header()->setSectionResizeMode(QHeaderView::Interactive);

    auto* tabs = m_tabs = new QTabWidget(this);
    tabs->setObjectName(u"readSetDetailTabs"_s);
    tabs->setTabToolTip(tabs->addTab(scroll, tr("Details")), tr("The read set's identity, files and origin"));
    tabs->setTabToolTip(tabs->addTab(m_jsonView, tr("Raw JSON")),
                        tr("The read set's metadata as the service sent it"));
    // The ARN's Copy button was made before the tabs that hold it and the files' buttons: Tab
    // reaches the tab bar, then the fields, then the buttons as they stand on the page.
    orderTabStops({tabs->tabBar(), scroll, m_downloads.value(u"SOURCE1"_s), m_downloads.value(u"SOURCE2"_s),
                   m_downloads.value(u"INDEX"_s), m_copyArn});

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins({});
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_banner);
    detailLayout->addWidget(tabs, 1);

    m_pages->addWidget(empty);
    m_pages->addWidget(detail);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(m_pages);
}

ReadSetDetailView::~ReadSetDetailView() = default;

QLabel* ReadSetDetailView::addField(QFormLayout* form, const QString& key, const QString& label)
{
    QLabel* text = fieldLabel(form->parentWidget(), key);
    form->addRow(label, text);
    m_fields.insert(key, text);
    return text;
}

void ReadSetDetailView::addFileRow(QFormLayout* form, const QString& file, const QString& label)
{
    QLabel* text = fieldLabel(form->parentWidget(), file);
    m_fields.insert(file, text);
    auto* button = new QPushButton(tr("Download…"), form->parentWidget());
    button->setObjectName(u"download_"_s + file);
    button->setAccessibleName(tr("Download %1").arg(label.chopped(1)));
    button->setToolTip(tr("Save this file of the read set on your computer, through the Transfers panel"));
    button->setAutoDefault(false);
    button->setEnabled(false);
    m_downloads.insert(file, button);
    connect(button, &QPushButton::clicked, this, [this, file] {
        if (!m_metadata || !m_metadata->file(file))
            return;
        Q_EMIT downloadRequested(m_storeId, m_metadata->readSet.id, file,
                                 omics::ReadSetDownloadJob::defaultFileName(*m_metadata, file));
    });
    auto* row = new QHBoxLayout;
    row->addWidget(text, 1);
    row->addWidget(button);
    form->addRow(label, row);
}

void ReadSetDetailView::setReadSet(omics::OmicsConnection* connection, const QString& storeId,
                                   const omics::ReadSetListItem& readSet)
{
    if (readSet.id.isEmpty()) {
        clear();
        return;
    }
    if (connection == m_connection && storeId == m_storeId && readSet.id == m_readSet.id && m_metadata)
        return; // the same one again (a list refresh): nothing new to ask
    m_connection = connection;
    m_storeId = storeId;
    m_readSet = readSet;
    m_metadata.reset();
    m_banner->clear();
    showListItem(readSet);
    m_pages->setCurrentIndex(1);
    fetch();
}

void ReadSetDetailView::clear()
{
    m_job.abort();
    m_readSet = {};
    m_metadata.reset();
    m_json->setJson(QJsonValue(QJsonValue::Undefined));
    m_pages->setCurrentIndex(0);
}

void ReadSetDetailView::focusDetails()
{
    if (m_pages->currentIndex() == 1)
        m_tabs->tabBar()->setFocus(Qt::OtherFocusReason);
}

QString ReadSetDetailView::fieldText(const QString& key) const
{
    const QLabel* label = m_fields.value(key);
    return label ? label->text() : QString();
}

void ReadSetDetailView::fetch()
{
    if (!m_connection)
        return;
    m_job.run<omics::ReadSetMetadata>(omics::OmicsApi(m_connection).readSetMetadata(m_storeId, m_readSet.id),
                                      this, [this](const Result<omics::ReadSetMetadata>& r) {
                                          if (!r) {
                                              m_banner->showError(r.error(), [this] { fetch(); });
                                              return;
                                          }
                                          m_metadata = r.value();
                                          showMetadata(r.value());
                                          Q_EMIT metadataLoaded(r.value());
                                      });
}

void ReadSetDetailView::setField(const QString& key, const QString& text)
{
    if (QLabel* label = m_fields.value(key)) {
        label->setText(text);
        label->setToolTip(text);
    }
}

void ReadSetDetailView::showListItem(const omics::ReadSetListItem& r)
{
    m_title->setText(r.name.isEmpty() ? r.id : r.name);
    setField(u"name"_s, r.name);
    setField(u"id"_s, r.id);
    setField(u"description"_s, r.description);
    setField(u"subjectId"_s, r.subjectId);
    setField(u"sampleId"_s, r.sampleId);
    setField(u"fileType"_s, OmicsFormat::fileType(r.fileType));
    setField(u"status"_s, OmicsFormat::readSetStatus(r.status));
    setField(u"statusMessage"_s, r.statusMessage);
    setField(u"created"_s, OmicsFormat::time(r.creationTime));
    const std::optional<omics::SequenceInformation>& info = r.sequenceInformation;
    setField(u"readCount"_s, OmicsFormat::count(info ? info->totalReadCount : std::nullopt));
    setField(u"baseCount"_s, OmicsFormat::count(info ? info->totalBaseCount : std::nullopt));
    setField(u"alignment"_s, info ? info->alignment : QString());
    setField(u"generatedFrom"_s, info ? info->generatedFrom : QString());
    setField(u"referenceArn"_s, r.referenceArn);
    setField(u"creationType"_s, OmicsFormat::creationType(r.creationType));
    setField(u"creationJobId"_s, QString());
    setField(u"arn"_s, r.arn);
    m_copyArn->setEnabled(!r.arn.isEmpty());
    // The files are only in the metadata: "…" until it is here.
    for (const QString& file : kFiles) {
        setField(file, tr("…"));
        m_downloads.value(file)->setEnabled(false);
    }
    m_json->setJson(r.raw);
    m_jsonView->expandToDepth(0);
}

void ReadSetDetailView::showMetadata(const omics::ReadSetMetadata& m)
{
    showListItem(m.readSet);
    setField(u"creationJobId"_s, m.creationJobId);
    for (const QString& file : kFiles) {
        const std::optional<omics::ReadSetFileInfo> info = m.file(file);
        if (!info) {
            setField(file, tr("None"));
            continue;
        }
        setField(file, tr("%1 in %n part(s) of %2", nullptr, info->totalParts)
                           .arg(OmicsFormat::bytes(info->contentLength), OmicsFormat::bytes(info->partSize)));
        // A read set still being processed has no bytes to give yet.
        m_downloads.value(file)->setEnabled(m.readSet.status == u"ACTIVE");
    }
}

void ReadSetDetailView::copyArn()
{
    const QString arn = m_metadata ? m_metadata->readSet.arn : m_readSet.arn;
    if (!arn.isEmpty())
        QGuiApplication::clipboard()->setText(arn);
}

} // namespace bge::ui
