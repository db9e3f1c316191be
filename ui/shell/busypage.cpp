#include "busypage.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

BusyPage::BusyPage(QWidget* parent)
    : QWidget(parent), m_text(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"busyPage"_s);
    m_text->setObjectName(u"busyText"_s);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto* progress = new QProgressBar(this);
    progress->setRange(0, 0); // under way, no measurable progress
    progress->setTextVisible(false);
    progress->setMaximumWidth(320);
    progress->setAccessibleName(tr("Working"));
    m_cancel->setObjectName(u"cancelButton"_s);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_text);
    layout->addWidget(progress, 0, Qt::AlignHCenter);
    layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(m_cancel, &QPushButton::clicked, this, &BusyPage::cancelRequested);
}

void BusyPage::setText(const QString& text)
{
    m_text->setText(text);
    setAccessibleName(text);
}

QString BusyPage::text() const
{
    return m_text->text();
}

} // namespace bge::ui
