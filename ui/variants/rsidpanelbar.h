#pragma once

#include "rsidpanels.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QInputDialog;
class QMessageBox;
class QPushButton;
class QSettings;

namespace bge::ui {

class RsidInput;

// The named rsid panels above the rsid box: pick one and look it up in one click, keep the
// box's rsids as a new panel, delete one. The name is asked and the deletion confirmed with
// window-modal dialogs opened with open(), so nothing here spins an event loop of its own.
class RsidPanelBar final : public QWidget
{
    Q_OBJECT
public:
    RsidPanelBar(RsidInput* input, QSettings* settings, QWidget* parent = nullptr);

    QString currentPanel() const;
    // Whether a lookup can be made now (signed in, a sample to ask about, nothing running).
    void setLookUpEnabled(bool enabled);

    // What the buttons do.
    void lookUpPanel();
    void askNameAndSave();
    void confirmDelete();

Q_SIGNALS:
    // The current panel's rsids are in the box: look them up.
    void lookUpRequested();

private:
    void reload(const QString& current);
    void updateButtons();

    RsidInput* m_input;
    RsidPanels m_panels;
    QComboBox* m_combo;
    QPushButton* m_lookUp;
    QPushButton* m_save;
    QPushButton* m_delete;
    QPointer<QInputDialog> m_nameDialog;
    QPointer<QMessageBox> m_deleteBox;
    bool m_lookUpEnabled = false;
};

} // namespace bge::ui
