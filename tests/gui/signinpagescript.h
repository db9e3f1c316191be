#pragma once

// Talking to the sandbox's sign-in page inside a QWebEngineView, for the suites that render it
// (they alone link QtWebEngine, so this stays out of signintestsupport.h).

#include "coretestsupport.h"

#include <QApplication>
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

// Where key events for the page go: the widget Chromium draws into (the view's focus proxy),
// as for a person typing.
inline QWidget* keyTarget(QWebEngineView* view)
{
    return view->focusProxy() ? view->focusProxy() : view;
}

// The id of the page's focused element ("" for none, or when the page did not answer).
inline QString activeElementId(QWebEngineView* view)
{
    return evaluate(view, QStringLiteral("document.activeElement ? document.activeElement.id : ''")).toString();
}

// Until the keyboard reaches the page's element `id`: the view holds the application's focus
// and the page's focus is on that element (false when it never does). The window is brought to
// the front first, as the person's window is when they type: the private X server has no window
// manager, and the window can lose the X input focus on its way there.
inline bool waitForKeyboardIn(QWebEngineView* view, const QString& id)
{
    QPointer<QWebEngineView> guard(view);
    if (!view->window()->isActiveWindow()) {
        view->window()->activateWindow();
        if (!QTest::qWaitForWindowActive(view->window()))
            return false;
    }
    return QTest::qWaitFor(
               [&] {
                   return !guard || (QApplication::focusWidget() == keyTarget(view) && activeElementId(view) == id);
               },
               kWaitMs) &&
           guard;
}

// The value of the page's input `id`.
inline QString fieldValue(QWebEngineView* view, const QString& id)
{
    return evaluate(view, QStringLiteral("document.getElementById('%1').value").arg(id)).toString();
}

// Types into the page's field `id` as a person does (key events to the view), once the keyboard
// is there: put there by the app and the page, not by a script. Whether the field then holds it.
inline bool typeInto(QWebEngineView* view, const QString& id, const QString& text)
{
    if (!waitForKeyboardIn(view, id)) {
        qWarning().noquote() << "the keyboard is not in" << id << "but in" << activeElementId(view)
                             << "of" << QApplication::focusWidget();
        return false;
    }
    QTest::keyClicks(keyTarget(view), text);
    return QTest::qWaitFor([&] { return fieldValue(view, id) == text; }, kWaitMs);
}

// The middle of the page's element `id`, in keyTarget(view)'s coordinates (a null point when
// there is no such element): where a person clicks it.
inline QPoint elementCentre(QWebEngineView* view, const QString& id)
{
    const QVariantList box =
        evaluate(view, QStringLiteral("(function(){var e=document.getElementById('%1');if(!e)return [];"
                                      "e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
                                      "return [r.left+r.width/2, r.top+r.height/2];})()")
                           .arg(id))
            .toList();
    if (box.size() != 2)
        return {};
    // CSS pixels are Qt's device-independent pixels, scaled by the page's zoom.
    return QPoint(qRound(box.at(0).toDouble() * view->zoomFactor()), qRound(box.at(1).toDouble() * view->zoomFactor()));
}

} // namespace bge::test
