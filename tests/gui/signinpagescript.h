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

} // namespace bge::test
