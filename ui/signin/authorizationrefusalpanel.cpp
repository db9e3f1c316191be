#include "authorizationrefusalpanel.h"

#include "auth/authorizationrequest.h"

#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The platform's words are shown as they came, but they came in a URL anyone can craft: plain
// text, printable, and short enough not to push the button off the page.
QString printable(const QString& text, int limit)
{
    QString out;
    for (const QChar c : text.left(limit))
        out += c.isPrint() ? c : u' ';
    return out.simplified();
}

} // namespace

QString AuthorizationRefusalPanel::sentence(const QString& error)
{
    if (error == u"access_denied")
        return tr("You declined access for BGE Desktop. It can show your samples and results only with "
                  "your permission: sign in again and approve, or cancel to choose another profile.");
    if (error == u"invalid_scope")
        return tr("The platform does not grant this application the access the profile asks for. Check the "
                  "scopes in the profile's settings, or ask the platform's administrators to grant them.");
    if (error == u"unauthorized_client")
        return tr("The platform does not let this application sign people in with its page. Check the "
                  "profile's client id.");
    if (error == u"unsupported_response_type" || error == u"invalid_request")
        return tr("The platform refused the sign-in request. Sign in again; if it happens again, the "
                  "profile's server may not be a BGE Open Platform.");
    if (error == u"server_error")
        return tr("The platform ran into a problem while signing you in. Sign in again in a moment.");
    if (error == u"temporarily_unavailable")
        return tr("The platform cannot sign you in right now (busy or under maintenance). Sign in again "
                  "in a moment.");
    return tr("The platform did not complete the sign-in (%1). Sign in again; if it happens again, "
              "contact the platform's support.")
        .arg(printable(error, 64));
}

AuthorizationRefusalPanel::AuthorizationRefusalPanel(const AuthorizationResponse& response, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"authorizationRefusal"_s);

    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()
                        ->standardIcon(response.isAccessDenied() ? QStyle::SP_MessageBoxInformation
                                                                 : QStyle::SP_MessageBoxWarning)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto* text = new QLabel(sentence(response.error), this);
    text->setObjectName(u"refusalText"_s);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont emphasis = text->font();
    emphasis.setPointSizeF(emphasis.pointSizeF() * 1.1);
    text->setFont(emphasis);

    // The person said no: their own choice needs no code. Anything else keeps the platform's code
    // and description for whoever helps them.
    auto* detail = new QLabel(this);
    detail->setObjectName(u"refusalDetail"_s);
    detail->setTextFormat(Qt::PlainText);
    detail->setWordWrap(true);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->setForegroundRole(QPalette::PlaceholderText);
    const QString description = printable(response.errorDescription, 300);
    if (!response.isAccessDenied()) {
        detail->setText(
            description.isEmpty()
                ? tr("The platform's answer: %1").arg(printable(response.error, 64))
                : tr("The platform's answer: %1 (%2)").arg(description, printable(response.error, 64)));
    }
    detail->setVisible(!detail->text().isEmpty());

    auto* again = new QPushButton(tr("&Sign In Again"), this);
    again->setObjectName(u"signInAgainButton"_s);
    again->setAccessibleDescription(text->text());
    // Enter as well as Space: the one thing to do here.
    again->setAutoDefault(true);
    again->setDefault(true);
    connect(again, &QPushButton::clicked, this, &AuthorizationRefusalPanel::signInAgainRequested);

    auto* column = new QVBoxLayout;
    column->addWidget(text);
    column->addWidget(detail);
    column->addSpacing(8);
    column->addWidget(again, 0, Qt::AlignLeft);
    auto* row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(column, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    setMinimumWidth(420);
    setMaximumWidth(640);
    setFocusProxy(again);
}

} // namespace bge::ui
