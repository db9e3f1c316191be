#pragma once

#include "omics/records/importjob.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QWidget;

namespace bge::omics {
class OmicsApi;
}

namespace bge::ui {

class ErrorBanner;
class ImportSourcesModel;

// Starts a read-set import job from S3: the service role, one row per source (type, subject,
// sample, name, reference, description, URI 1 and 2), typed or loaded from a JSON manifest,
// every field checked before StartReadSetImportJob is sent with a client token (a retry of the
// same request cannot start a second job). Open it with open().
class StartImportDialog final : public QDialog
{
    Q_OBJECT
public:
    // `defaultRoleArn` fills the role when none was used before (the last one used wins).
    StartImportDialog(omics::OmicsApi* api, const QString& storeId, const QString& defaultRoleArn,
                      const QStringList& knownReferences, QWidget* parent = nullptr);
    ~StartImportDialog() override;

    ImportSourcesModel* model() const { return m_model; }
    QString roleArn() const;
    // Replaces the rows (and the role, when the file names one) with a manifest's; false and
    // the reason in the banner when the file cannot be used.
    bool loadManifest(const QString& path);
    QString blockingReason() const;

    static QString lastRoleArn();

Q_SIGNALS:
    void importStarted(const bge::omics::ImportJobSummary& job);

public Q_SLOTS:
    // Not while the job may exist on the service already: its answer must reach the list.
    void reject() override;

private:
    void chooseManifest();
    void addSource();
    void removeSource();
    int currentRow() const;
    void showRow(int row);
    void editCurrent();
    void refreshChecks();
    void submit();
    void setBusy(bool busy);

    omics::OmicsApi* m_api;
    QString m_storeId;
    QString m_clientToken;
    QByteArray m_sentRequest; // what m_clientToken was used for
    bool m_showing = false;
    bool m_busy = false;

    ErrorBanner* m_banner;
    QLineEdit* m_role;
    ImportSourcesModel* m_model;
    QTableView* m_table;
    QPushButton* m_addButton;
    QPushButton* m_removeButton;
    QPushButton* m_manifestButton;
    QWidget* m_editor;
    QComboBox* m_type;
    QLineEdit* m_uri1;
    QLineEdit* m_uri2;
    QLineEdit* m_subject;
    QLineEdit* m_sample;
    QLineEdit* m_name;
    QComboBox* m_reference;
    QLineEdit* m_generatedFrom;
    QLineEdit* m_description;
    QLabel* m_rowProblems;
    QLabel* m_reason;
    QDialogButtonBox* m_buttons;
};

} // namespace bge::ui
