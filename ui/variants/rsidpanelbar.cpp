#include "rsidpanelbar.h"

#include "rsidinput.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The combo's tooltip names this many of a panel's rsids; the box shows them all once chosen.
constexpr int kRsidsNamed = 20;

QString describe(const RsidPanel& panel)
{
    QStringList named = panel.rsids.first(std::min<qsizetype>(panel.rsids.size(), kRsidsNamed));
    if (panel.rsids.size() > kRsidsNamed)
        named.append(u"…"_s);
    return RsidPanelBar::tr("%n rsid(s): %1", nullptr, int(panel.rsids.size())).arg(named.join(u", "_s));
}

} // namespace

RsidPanelBar::RsidPanelBar(RsidInput* input, QSettings* settings, QWidget* parent)
    : QWidget(parent), m_input(input), m_panels(settings), m_combo(new QComboBox(this)),
      m_lookUp(new QPushButton(tr("Look Up Panel"), this)), m_save(new QPushButton(tr("Save…"), this)),
      m_delete(new QPushButton(tr("Delete"), this))
{
    setObjectName(u"rsidPanelBar"_s);
    auto* label = new QLabel(tr("Pa&nel:"), this);
    label->setBuddy(m_combo);
    m_combo->setObjectName(u"panelCombo"_s);
    m_combo->setAccessibleName(tr("Rsid panel"));
    m_combo->setAccessibleDescription(tr("A named list of rsids to look up with one click"));
    // A long panel name must not widen the pane; the list that opens shows it whole.
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(10);
    m_lookUp->setObjectName(u"lookUpPanelButton"_s);
    m_lookUp->setAccessibleName(tr("Look up panel"));
    m_lookUp->setToolTip(tr("Put the panel's rsids in the box and look them up"));
    m_save->setObjectName(u"savePanelButton"_s);
    m_save->setAccessibleName(tr("Save as panel"));
    m_save->setToolTip(tr("Keep the rsids in the box as a named panel"));
    m_delete->setObjectName(u"deletePanelButton"_s);
    m_delete->setAccessibleName(tr("Delete panel"));
    m_delete->setToolTip(tr("Delete the chosen panel"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_lookUp);
    layout->addStretch(1);
    layout->addWidget(m_save);
    layout->addWidget(m_delete);

    // The box was made before this bar (the bar needs it), so Tab would reach it first; it
    // comes after the panel buttons on screen, and so in the focus chain.
    setTabOrder(m_delete, m_input->editor());

    connect(m_lookUp, &QPushButton::clicked, this, &RsidPanelBar::lookUpPanel);
    connect(m_save, &QPushButton::clicked, this, &RsidPanelBar::askNameAndSave);
    connect(m_delete, &QPushButton::clicked, this, &RsidPanelBar::confirmDelete);
    connect(m_input, &RsidInput::changed, this, &RsidPanelBar::updateButtons);
    connect(m_combo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_combo->setToolTip(m_combo->itemData(index, Qt::ToolTipRole).toString()); });
    reload({});
}

QString RsidPanelBar::currentPanel() const
{
    return m_combo->currentText();
}

void RsidPanelBar::setLookUpEnabled(bool enabled)
{
    m_lookUpEnabled = enabled;
    updateButtons();
}

void RsidPanelBar::lookUpPanel()
{
    const QStringList rsids = m_panels.rsids(currentPanel());
    if (rsids.isEmpty() || !m_lookUpEnabled)
        return;
    m_input->setText(rsids.join(u", "_s));
    Q_EMIT lookUpRequested();
}

void RsidPanelBar::askNameAndSave()
{
    // A dialog closed but not yet deleted (deleteLater) is not "the one open".
    if (m_nameDialog && m_nameDialog->isVisible()) {
        m_nameDialog->raise();
        return;
    }
    // What the box held when the person asked is what gets saved, whatever they type meanwhile.
    const QStringList rsids = m_input->list().rsids;
    if (rsids.isEmpty() || !m_input->list().problems.isEmpty())
        return;
    m_nameDialog = new QInputDialog(this);
    m_nameDialog->setObjectName(u"panelNameDialog"_s);
    m_nameDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_nameDialog->setWindowTitle(tr("Save as Panel"));
    m_nameDialog->setAccessibleName(tr("Panel name"));
    m_nameDialog->setLabelText(tr("Name of the panel of %n rsid(s) (a panel of the same name is replaced):",
                                  nullptr, int(rsids.size())));
    connect(m_nameDialog, &QInputDialog::textValueSelected, this, [this, rsids](const QString& name) {
        if (name.trimmed().isEmpty())
            return;
        m_panels.save(name, rsids);
        reload(name.trimmed());
    });
    m_nameDialog->open();
}

void RsidPanelBar::confirmDelete()
{
    const QString name = currentPanel();
    if (name.isEmpty())
        return;
    if (m_deleteBox && m_deleteBox->isVisible()) {
        m_deleteBox->raise();
        return;
    }
    m_deleteBox =
        new QMessageBox(QMessageBox::Question, tr("Delete Panel"), tr("Delete the panel “%1”?").arg(name),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    m_deleteBox->setObjectName(u"deletePanelBox"_s);
    m_deleteBox->setAttribute(Qt::WA_DeleteOnClose);
    m_deleteBox->setInformativeText(describe({name, m_panels.rsids(name)}));
    m_deleteBox->button(QMessageBox::Yes)->setText(tr("Delete"));
    m_deleteBox->setDefaultButton(QMessageBox::Cancel);
    connect(m_deleteBox, &QMessageBox::buttonClicked, this,
            [this, box = m_deleteBox.data(), name](QAbstractButton* button) {
                if (box->standardButton(button) != QMessageBox::Yes)
                    return;
                const int index = m_combo->currentIndex();
                m_panels.remove(name);
                // The neighbour takes the deleted panel's place, as in a list.
                reload(m_combo->itemText(index + 1 < m_combo->count() ? index + 1 : index - 1));
            });
    m_deleteBox->open();
}

void RsidPanelBar::reload(const QString& current)
{
    m_combo->clear();
    for (const RsidPanel& panel : m_panels.panels()) {
        m_combo->addItem(panel.name);
        m_combo->setItemData(m_combo->count() - 1, describe(panel), Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(std::max(0, m_combo->findText(current)));
    updateButtons();
}

void RsidPanelBar::updateButtons()
{
    const bool hasPanel = m_combo->count() > 0;
    m_combo->setEnabled(hasPanel);
    m_lookUp->setEnabled(m_lookUpEnabled && hasPanel);
    m_delete->setEnabled(hasPanel);
    m_save->setEnabled(!m_input->list().rsids.isEmpty() && m_input->list().problems.isEmpty());
}

} // namespace bge::ui
