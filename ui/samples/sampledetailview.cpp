#include "sampledetailview.h"

#include "samplefieldsview.h"
#include "samplefilespane.h"
#include "sampleformat.h"

#include "api/platformapi.h"
#include "api/platformcodes.h"
#include "common/errorbanner.h"
#include "common/jsontreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

enum Page
{
    NoSamplePage,
    SamplePage
};

} // namespace

SampleDetailView::SampleDetailView(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_pages(new QStackedWidget(this)), m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)), m_loading(new QLabel(tr("Loading the full record…"), this)),
      m_banner(new ErrorBanner(this)), m_tabs(new QTabWidget(this)), m_fields(new SampleFieldsView(this)),
      m_files(new SampleFilesPane(this)), m_json(new JsonTreeModel(this)), m_jsonView(new QTreeView(this))
{
    setObjectName(u"sampleDetails"_s);

    auto* none = new QLabel(tr("Select a sample to see its details."), m_pages);
    none->setObjectName(u"noSampleLabel"_s);
    none->setAlignment(Qt::AlignCenter);
    none->setWordWrap(true);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(u"sampleTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_subtitle->setObjectName(u"sampleSubtitle"_s);
    m_loading->setObjectName(u"loadingLabel"_s);
    m_loading->hide();

    auto* fieldsScroll = new QScrollArea(m_tabs);
    fieldsScroll->setWidgetResizable(true);
    fieldsScroll->setFrameShape(QFrame::NoFrame);
    fieldsScroll->setWidget(m_fields);
    fieldsScroll->setAccessibleName(tr("Fields of the sample"));
    fieldsScroll->setAccessibleDescription(tr("What the platform keeps about the sample, field by field"));

    m_jsonView->setObjectName(u"jsonView"_s);
    m_jsonView->setAccessibleName(tr("Raw JSON of the sample"));
    m_jsonView->setAccessibleDescription(tr("The sample's record as the platform sent it, as a tree"));
    m_jsonView->setModel(m_json);
    m_jsonView->setUniformRowHeights(true);
    m_jsonView->setAlternatingRowColors(true);
    // The value gets the room; keys and type names are short.
    m_jsonView->header()->setStretchLastSection(false);
    m_jsonView->header()->setSectionResizeMode(JsonTreeModel::Key, QHeaderView::ResizeToContents);
    m_jsonView->header()->setSectionResizeMode(JsonTreeModel::Value, QHeaderView::Stretch);
    m_jsonView->header()->setSectionResizeMode(JsonTreeModel::Type, QHeaderView::ResizeToContents);

    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setAccessibleName(tr("Sample details"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(fieldsScroll, tr("Fields"));
    m_tabs->addTab(m_files, tr("Files"));
    m_tabs->addTab(m_jsonView, tr("Raw JSON"));
    m_tabs->setTabToolTip(0, tr("What the platform keeps about the sample"));
    m_tabs->setTabToolTip(1, tr("The sample's sequencing files"));
    m_tabs->setTabToolTip(2, tr("The sample's record as the platform sent it"));

    auto* content = new QWidget(m_pages);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_subtitle);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_loading);
    contentLayout->addWidget(m_tabs, 1);

    m_pages->insertWidget(NoSamplePage, none);
    m_pages->insertWidget(SamplePage, content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(m_pages);

    connect(m_files, &SampleFilesPane::downloadRequested, this, &SampleDetailView::downloadRequested);
    display(Sample());
}

SampleDetailView::~SampleDetailView()
{
    abortFetch();
}

void SampleDetailView::setApi(PlatformApi* api)
{
    abortFetch();
    m_api = api;
    setSample(Sample());
}

void SampleDetailView::setSample(const Sample& sample)
{
    abortFetch();
    m_banner->clear();
    display(sample);
    // A record that came with its files is already complete.
    if (!sample.biosampleId.isEmpty() && !sample.filesRequested && m_api)
        fetch();
}

void SampleDetailView::fetch()
{
    if (!m_api || m_sample.biosampleId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString id = m_sample.biosampleId;
    m_loading->show();
    m_files->setSample(m_sample, tr("Loading the list of files…"));
    m_job = m_api->sample(id, true)->run(this, [this, generation](const Result<Sample>& r) {
        if (generation != m_generation)
            return; // another sample was chosen meanwhile
        m_job = nullptr;
        m_loading->hide();
        if (!r.ok()) {
            m_banner->showError(r.error(), [this] { fetch(); });
            m_files->setSample(m_sample, tr("The list of files could not be loaded."));
            return;
        }
        display(r.value());
        Q_EMIT sampleLoaded(r.value());
    });
}

void SampleDetailView::abortFetch()
{
    ++m_generation;
    m_loading->hide();
    if (JobBase* job = m_job.data()) {
        m_job = nullptr;
        job->abort();
    }
}

void SampleDetailView::display(const Sample& s)
{
    m_sample = s;
    m_pages->setCurrentIndex(s.biosampleId.isEmpty() ? NoSamplePage : SamplePage);
    m_title->setText(s.biosampleId);
    QStringList summary{SampleFormat::coded(s.site, biosampleSiteCodes()),
                        SampleFormat::coded(s.omic, omicsCodes()),
                        SampleFormat::coded(s.organism, organismCodes())};
    summary.removeAll(QString());
    m_subtitle->setText(summary.join(u" · "_s));
    m_fields->setSample(s);
    // fetch() says it is loading; without it the list cannot come.
    m_files->setSample(s, tr("Sign in to see the files."));
    m_tabs->setTabText(m_tabs->indexOf(m_files),
                       s.filesRequested ? tr("Files (%1)").arg(s.files.size()) : tr("Files"));
    m_json->setJson(s.biosampleId.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(s.raw));
    m_jsonView->expandToDepth(0);
}

} // namespace bge::ui
