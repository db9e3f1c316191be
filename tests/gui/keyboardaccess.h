#pragma once

// What a keyboard or screen-reader user meets on a screen, checked the way they meet it: every
// widget Tab can reach must say what it is (a name) and what it does (a description, which
// Qt's accessibility bridge takes from the tooltip when none is set), read through QAccessible;
// and Tab, pressed as a key, must walk the screen in reading order.

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QStringList>
#include <QTabBar>
#include <QTest>
#include <QWidget>

#include <algorithm>

namespace bge::test {

using namespace Qt::StringLiterals;

// The widgets under `root` a person can Tab to, parts of composite widgets left out: a spin
// box's or combo box's line edit and a view's viewport are named by their owner.
inline QList<QWidget*> tabReachableWidgets(QWidget* root)
{
    QList<QWidget*> reachable;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) || !w->isEnabled())
            continue;
        if (w->focusProxy()) // a tab widget's tab bar takes its focus, and is checked instead
            continue;
        QWidget* owner = w->parentWidget();
        if (qobject_cast<QAbstractSpinBox*>(owner) || qobject_cast<QComboBox*>(owner))
            continue;
        if (auto* area = qobject_cast<QAbstractScrollArea*>(owner); area && area->viewport() == w)
            continue;
        reachable.append(w);
    }
    return reachable;
}

inline QString describeWidget(const QWidget* w)
{
    return QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
}

// Where a person starts reading: the topmost widget, the leftmost of those on its line.
inline QWidget* firstInReadingOrder(const QList<QWidget*>& widgets)
{
    QWidget* first = nullptr;
    QRect best;
    for (QWidget* w : widgets) {
        const QRect r(w->mapToGlobal(QPoint()), w->size());
        const bool sameLine = first && r.top() < best.bottom() && best.top() < r.bottom();
        if (!first || (sameLine ? r.left() < best.left() : r.top() < best.top())) {
            first = w;
            best = r;
        }
    }
    return first;
}

// "where: class objectName (missing)" for every reachable widget whose accessible name or
// description is empty.
inline QStringList accessibilityGaps(QWidget* root, const QString& where)
{
    QStringList gaps;
    for (QWidget* w : tabReachableWidgets(root)) {
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name).trimmed() : QString();
        const QString description = a ? a->text(QAccessible::Description).trimmed() : QString();
        if (name.isEmpty())
            gaps.append(where + u": "_s + describeWidget(w) + u" (no name)"_s);
        if (qobject_cast<QTabBar*>(w) && a) {
            // A tab bar is read tab by tab: each tab says what it holds (its tooltip).
            for (int i = 0; i < a->childCount(); ++i) {
                QAccessibleInterface* tab = a->child(i);
                if (tab && tab->role() == QAccessible::PageTab &&
                    tab->text(QAccessible::Description).isEmpty())
                    gaps.append(where + u": "_s + describeWidget(w) + u" tab "_s +
                                tab->text(QAccessible::Name) + u" (no description)"_s);
            }
        } else if (description.isEmpty()) {
            gaps.append(where + u": "_s + describeWidget(w) + u" (no description)"_s);
        }
    }
    return gaps;
}

// Presses Tab from `start` until focus comes back to it (or `limit` presses), and returns the
// widgets under `root` focused, in order, starting with `start`. Focus may pass through the
// rest of the window (the menu bar's corner, the status bar) on its way round.
inline QList<QWidget*> tabChain(QWidget* root, QWidget* start, int limit = 300)
{
    QList<QWidget*> chain;
    start->setFocus(Qt::TabFocusReason);
    QWidget* current = QApplication::focusWidget();
    if (!current)
        return chain;
    chain.append(current);
    QList<QWidget*> seen{current};
    int stayed = 0;
    for (int i = 0; i < limit; ++i) {
        QWidget* before = current;
        QTest::keyClick(current, Qt::Key_Tab);
        current = QApplication::focusWidget();
        if (!current || current == chain.first())
            break;
        // Tab walks a date edit's day, month and year before it leaves; a widget it never
        // leaves is a trap, and shows as a loop.
        if (current == before && ++stayed < 8)
            continue;
        stayed = 0;
        if (seen.contains(current)) { // a loop that never returns to the start
            chain.append(current);
            break;
        }
        seen.append(current);
        if (root->isAncestorOf(current))
            chain.append(current);
    }
    return chain;
}

// Where Tab goes against reading order: up within a column, left along a line, or back to an
// earlier column. Going on to the next column (to its right, and back up to its top) is
// reading order.
inline QStringList readingOrderBreaks(const QList<QWidget*>& chain)
{
    QStringList breaks;
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const QWidget* from = chain[i - 1];
        const QWidget* to = chain[i];
        const QRect a(from->mapToGlobal(QPoint()), from->size());
        const QRect b(to->mapToGlobal(QPoint()), to->size());
        const bool sameLine = b.top() < a.bottom() && a.top() < b.bottom();
        const bool above = b.bottom() < a.top();
        const bool leftOf = b.right() < a.left();
        const bool nextColumn = b.left() >= a.right();
        if ((above && !nextColumn) || (sameLine && leftOf))
            breaks.append(describeWidget(from) + u" → "_s + describeWidget(to));
    }
    return breaks;
}

// Every reachable widget under `root` that Tab from `start` never reaches.
inline QStringList unreachedByTab(QWidget* root, const QList<QWidget*>& chain)
{
    QStringList missed;
    for (QWidget* w : tabReachableWidgets(root)) {
        const bool reached = std::any_of(chain.begin(), chain.end(), [w](QWidget* c) {
            return c == w || c->focusProxy() == w || w->focusProxy() == c;
        });
        if (!reached)
            missed.append(describeWidget(w));
    }
    return missed;
}

} // namespace bge::test
