#include "errorbanner.h"

#include "api/apierror.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include <utility>

namespace bge::ui {

namespace {

// A retry only helps when the cause may be gone next time: the network, the server, the
// session, a garbled answer. A refusal of the request itself would only be refused again.
bool worthRetrying(const ApiError& error)
{
    return error.isRetryable() || error.kind() == ApiError::Kind::Authentication
           || error.kind() == ApiError::Kind::Malformed;
}

} // namespace

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retryButton(new QPushButton(tr("Retry"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Problem"));
    // Palette roles, not colours: the banner follows light and dark themes.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retryButton, 0, Qt::AlignTop);

    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        auto retry = std::exchange(m_retry, {});
        clear();
        if (retry)
            retry();
    });
    hide();
}

void ErrorBanner::showError(const ApiError& error, std::function<void()> retry)
{
    present(error.message(), worthRetrying(error) ? std::move(retry) : std::function<void()>());
}

void ErrorBanner::showMessage(const QString& text)
{
    present(text, {});
}

void ErrorBanner::present(const QString& text, std::function<void()> retry)
{
    m_text->setText(text);
    m_retry = std::move(retry);
    m_retryButton->setVisible(bool(m_retry));
    QFrame::show();
}

void ErrorBanner::clear()
{
    m_text->clear();
    m_retry = {};
    hide();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

bool ErrorBanner::canRetry() const
{
    return bool(m_retry);
}

} // namespace bge::ui
