#include "problempage.h"

#include "centredcolumn.h"
#include "paletteiconengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

ProblemPage::ProblemPage(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_message(new QLabel(this)),
      m_retry(new QPushButton(uiIcon(u"view-refresh"_s, u"refresh"_s), tr("&Retry"), this)),
      m_chooseProfile(new QPushButton(tr("Choose &Another Profile…"), this))
{
    setObjectName(u"problemPage"_s);
    auto* icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setObjectName(u"problemTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_message->setObjectName(u"problemMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->setDefault(true);
    m_chooseProfile->setObjectName(u"chooseProfileButton"_s);

    auto* column = new QWidget(this);
    column->setMaximumWidth(560);
    auto* text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_message);
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_chooseProfile);
    buttons->addWidget(m_retry);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->addLayout(top);
    columnLayout->addLayout(buttons);

    placeInCentredColumn(this, column);

    connect(m_retry, &QPushButton::clicked, this, &ProblemPage::retryRequested);
    connect(m_chooseProfile, &QPushButton::clicked, this, &ProblemPage::chooseProfileRequested);
}

void ProblemPage::setProblem(const QString& title, const QString& message, bool canRetry)
{
    m_title->setText(title);
    m_message->setText(message);
    setAccessibleName(title);
    setAccessibleDescription(message);
    m_retry->setVisible(canRetry);
    (canRetry ? m_retry : m_chooseProfile)->setFocus();
}

QString ProblemPage::message() const
{
    return m_message->text();
}

} // namespace bge::ui
