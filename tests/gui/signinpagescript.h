#pragma once

// Talking to the sandbox's sign-in page inside a QWebEngineView, for the suites that render it
// (they alone link QtWebEngine, so this stays out of signintestsupport.h).

#include "coretestsupport.h"

#include <QDebug>
#include <QPointer>
#include <QTest>
#include <QVariant>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <optional>

namespace bge::test {

// The value of `script` run in the page, or an invalid QVariant when the page did not answer.
inline QVariant evaluate(QWebEngineView* view, const QString& script)
{
    std::optional<QVariant> result;
    QPointer<QWebEngineView> guard(view);
    view->page()->runJavaScript(script, [&result](const QVariant& value) { result = value; });
    if (!QTest::qWaitFor([&] { return result.has_value() || !guard; }, kWaitMs))
        qWarning() << "no answer from the page's JavaScript";
    return result.value_or(QVariant());
}

// Until the sandbox's authorization form is on the page (false when the view is gone).
inline bool waitForAuthorizeForm(QWebEngineView* view)
{
    QPointer<QWebEngineView> guard(view);
    return QTest::qWaitFor(
               [&] {
                   if (!guard)
                       return true;
                   return evaluate(view, QStringLiteral("document.getElementById('authorize') !== null")).toBool();
               },
               kWaitMs) &&
           guard;
}

// Focuses a field of the page, then types into it as a person does: key events to the view.
// False when the field never took the focus or the text never arrived.
inline bool typeInto(QWebEngineView* view, const QString& fieldId, const QString& text)
{
    evaluate(view, QStringLiteral("document.getElementById('%1').focus(); true").arg(fieldId));
    if (!QTest::qWaitFor(
            [&] {
                return evaluate(view,
                                QStringLiteral("document.activeElement && document.activeElement.id === '%1'")
                                    .arg(fieldId))
                    .toBool();
            },
            kWaitMs))
        return false;
    QTest::keyClicks(view->focusProxy() ? view->focusProxy() : view, text);
    return QTest::qWaitFor(
        [&] {
            return evaluate(view, QStringLiteral("document.getElementById('%1').value").arg(fieldId))
                       .toString() == text;
        },
        kWaitMs);
}

// Approves the authorization form from the keyboard. Return in a field would submit with the
// form's first button (deny): to the approve button as a person tabs to it, then the key.
inline bool approveByKeyboard(QWebEngineView* view)
{
    evaluate(view, QStringLiteral("document.getElementById('approve').focus(); true"));
    if (!QTest::qWaitFor(
            [&] {
                return evaluate(view, QStringLiteral("document.activeElement.id === 'approve'")).toBool();
            },
            kWaitMs))
        return false;
    QTest::keyClick(view->focusProxy() ? view->focusProxy() : view, Qt::Key_Return);
    return true;
}

} // namespace bge::test
