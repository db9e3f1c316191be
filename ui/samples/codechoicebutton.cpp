#include "codechoicebutton.h"

#include <QMenu>
#include <QSignalBlocker>

namespace bge::ui {

using namespace Qt::StringLiterals;

CodeChoiceButton::CodeChoiceButton(const QString& label, const QList<PlatformCode>& codes, bool showCodes,
                                   QWidget* parent)
    : QToolButton(parent), m_label(label)
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAccessibleName(label);
    auto* menu = new QMenu(this);
    m_any = menu->addAction(tr("Any"));
    m_any->setObjectName(u"any"_s);
    connect(m_any, &QAction::triggered, this, [this] {
        setSelectedCodes({});
        Q_EMIT selectionChanged();
    });
    menu->addSeparator();
    for (const PlatformCode& c : codes) {
        QAction* a = menu->addAction(showCodes ? u"%1 (%2)"_s.arg(c.name).arg(c.code) : c.name);
        a->setCheckable(true);
        a->setData(c.code);
        a->setObjectName(u"code%1"_s.arg(c.code));
        connect(a, &QAction::toggled, this, [this] {
            updateText();
            Q_EMIT selectionChanged();
        });
        m_choices.append(a);
    }
    setMenu(menu);
    updateText();
}

QList<int> CodeChoiceButton::selectedCodes() const
{
    QList<int> codes;
    for (const QAction* a : m_choices) {
        if (a->isChecked())
            codes.append(a->data().toInt());
    }
    return codes;
}

void CodeChoiceButton::setSelectedCodes(const QList<int>& codes)
{
    for (QAction* a : m_choices) {
        const QSignalBlocker block(a);
        a->setChecked(codes.contains(a->data().toInt()));
    }
    updateText();
}

void CodeChoiceButton::updateText()
{
    QStringList names;
    for (const QAction* a : m_choices) {
        if (a->isChecked())
            names.append(a->text());
    }
    m_any->setEnabled(!names.isEmpty());
    const QString chosen = names.isEmpty()     ? tr("any")
                           : names.size() <= 2 ? names.join(u", "_s)
                                               : tr("%n chosen", nullptr, int(names.size()));
    setText(tr("%1: %2").arg(m_label, chosen));
    setToolTip(names.isEmpty() ? tr("%1: any (no filter)").arg(m_label)
                               : tr("%1: %2").arg(m_label, names.join(u", "_s)));
}

} // namespace bge::ui
