#pragma once

#include "common/pendingjob.h"
#include "omics/omicsconnection.h" // ReadSetUploadJob holds a QPointer<OmicsConnection>
#include "omics/readsetuploadjob.h"
#include "omics/records/sequencestore.h"

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
class ReadSetUploadModel;

// What dropped or chosen files would become in a sequence store, proposed from their bytes and
// names (type, R1/R2 pairs as one read set, name, subject, sample) and editable read set by
// read set, every field checked before anything is sent. Sends nothing itself: on Upload it
// asks for the uploads (the transfer queue runs them), then closes. Open it with open().
class ReadSetUploadDialog final : public QDialog
{
    Q_OBJECT
public:
    // `api` (may be null: no reference suggestions) lists the store's read sets for the
    // references they use.
    ReadSetUploadDialog(omics::OmicsApi* api, const QString& account, const omics::SequenceStore& store,
                        const QStringList& files, QWidget* parent = nullptr);
    ~ReadSetUploadDialog() override;

    // Files to add to the proposal (a pair completed by a later file becomes one read set).
    void addFiles(const QStringList& paths);
    ReadSetUploadModel* model() const { return m_model; }
    // What would be requested now.
    QList<omics::ReadSetUploadOptions> uploads() const;
    // The reference ARNs offered (those the store's read sets use).
    QStringList knownReferences() const { return m_references; }
    // Why Upload is disabled; empty when it is enabled.
    QString blockingReason() const;

Q_SIGNALS:
    void uploadsRequested(const QString& account, const QList<bge::omics::ReadSetUploadOptions>& uploads);
    // The store's references were listed (for tests and for the combo's suggestions).
    void referencesLoaded();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void chooseFiles();
    void removeSelected();
    void loadReferences(const QString& nextToken, int pagesLeft);
    int currentRow() const;
    void showRow(int row);
    void editCurrent();
    void refreshChecks();
    void submit();

    omics::OmicsApi* m_api;
    QString m_account;
    omics::SequenceStore m_store;
    QStringList m_references;
    PendingJob m_referenceJob;
    bool m_showing = false;
    bool m_submitted = false; // filling the editors from the model: their signals are not edits

    ErrorBanner* m_banner;
    ReadSetUploadModel* m_model;
    QTableView* m_table;
    QPushButton* m_addButton;
    QPushButton* m_removeButton;
    QWidget* m_editor;
    QComboBox* m_type;
    QLineEdit* m_name;
    QLineEdit* m_subject;
    QLineEdit* m_sample;
    QLabel* m_referenceLabel;
    QComboBox* m_reference;
    QLabel* m_referenceHint;
    QLineEdit* m_generatedFrom;
    QLineEdit* m_description;
    QLabel* m_notes;
    QLabel* m_rowProblems;
    QLabel* m_reason;
    QDialogButtonBox* m_buttons;
};

} // namespace bge::ui
