#pragma once

#include "api/records/sample.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QVBoxLayout;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class ErrorBanner;
class FieldForm;

// Fills in library fields of a sample that are still empty (POST /samples/improve). The
// platform never lets a value change, so fields that hold one are shown read-only, with why.
// The sample is fetched afresh first: what the list showed may be stale.
class ImproveSampleDialog final : public QDialog
{
    Q_OBJECT
public:
    ImproveSampleDialog(PlatformApi* api, const QString& biosampleId, QWidget* parent = nullptr);

    bool isReady() const { return m_form != nullptr; }
    FieldForm* form() const { return m_form; }
    // The empty fields the user filled in.
    QList<std::pair<QString, QString>> changes() const;

Q_SIGNALS:
    void improved(const QString& biosampleId);
    // The sample as fetched when the dialog opened (ready to edit).
    void ready();

private:
    void load();
    void buildForm(const Sample& sample);
    void submit();
    void setBusy(bool busy);

    PlatformApi* m_api;
    QString m_id;
    Sample m_sample;
    QVBoxLayout* m_layout;
    ErrorBanner* m_banner;
    QLabel* m_status;
    FieldForm* m_form = nullptr;
    QList<std::pair<QString, QWidget*>> m_editable;
    QDialogButtonBox* m_buttons;
};

} // namespace bge::ui
