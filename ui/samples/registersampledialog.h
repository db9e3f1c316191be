#pragma once

#include "api/queries.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class ErrorBanner;
class FieldForm;

// Registers a new sample (POST /samples/register). Input is checked field by field before
// anything is sent; the platform's refusal is shown under the fields it names.
class RegisterSampleDialog final : public QDialog
{
    Q_OBJECT
public:
    // `knownProjects`: (project id, name) pairs to offer; any other id can be typed.
    RegisterSampleDialog(PlatformApi* api, const QList<std::pair<QString, QString>>& knownProjects,
                         QWidget* parent = nullptr);

    // What the form holds now, as it would be sent.
    SampleRegistration registration() const;
    FieldForm* form() const { return m_form; }

Q_SIGNALS:
    void registered(const QString& biosampleId);

private:
    void submit();
    void setBusy(bool busy);

    PlatformApi* m_api;
    ErrorBanner* m_banner;
    FieldForm* m_form;
    QLineEdit* m_externalId;
    QComboBox* m_site;
    QComboBox* m_project;
    QCheckBox* m_duplicates;
    QList<std::pair<QString, QWidget*>> m_library;
    QDialogButtonBox* m_buttons;
};

} // namespace bge::ui
