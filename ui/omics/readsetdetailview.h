#pragma once

#include "common/pendingjob.h"
#include "omics/omicsconnection.h"
#include "omics/records/readset.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace bge::ui {

class ErrorBanner;
class JsonTreeModel;

// One read set: what the list row knows at once, then everything of GetReadSetMetadata:
// identity, subject and sample, status with its message, the files with their part layout (a
// Download button each), sequence information, reference, how it was created, the ARN (with
// Copy) and the raw JSON as a tree. Fields are QLabels named "field_<key>" for tests.
class ReadSetDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReadSetDetailView(QWidget* parent = nullptr);
    ~ReadSetDetailView() override;

    // The read set to show (an empty id: none), read through `connection`.
    void setReadSet(omics::OmicsConnection* connection, const QString& storeId,
                    const omics::ReadSetListItem& readSet);
    void clear();
    // Keyboard focus into the details (their tabs), e.g. after Enter on the read set.
    void focusDetails();

    bool isLoading() const { return m_job.isRunning(); }
    // Set once GetReadSetMetadata answered for the current read set.
    const std::optional<omics::ReadSetMetadata>& metadata() const { return m_metadata; }
    QString fieldText(const QString& key) const;
    JsonTreeModel* jsonModel() const { return m_json; }

Q_SIGNALS:
    // A Download button: `file` is SOURCE1, SOURCE2 or INDEX.
    void downloadRequested(const QString& storeId, const QString& readSetId, const QString& file,
                           const QString& suggestedFileName);
    void metadataLoaded(const bge::omics::ReadSetMetadata& metadata);

private:
    void fetch();
    void showListItem(const omics::ReadSetListItem& r);
    void showMetadata(const omics::ReadSetMetadata& m);
    void setField(const QString& key, const QString& text);
    QLabel* addField(QFormLayout* form, const QString& key, const QString& label);
    void addFileRow(QFormLayout* form, const QString& file, const QString& label);
    void copyArn();

    QPointer<omics::OmicsConnection> m_connection;
    QString m_storeId;
    omics::ReadSetListItem m_readSet;
    std::optional<omics::ReadSetMetadata> m_metadata;
    PendingJob m_job;

    QStackedWidget* m_pages;
    QLabel* m_title;
    ErrorBanner* m_banner;
    QHash<QString, QLabel*> m_fields;
    QHash<QString, QPushButton*> m_downloads;
    QPushButton* m_copyArn;
    JsonTreeModel* m_json;
    QTreeView* m_jsonView;
    QTabWidget* m_tabs;
};

} // namespace bge::ui
