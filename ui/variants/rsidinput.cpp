#include "rsidinput.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Naming every bad item of a 10,000-line paste helps nobody; the underline shows them all.
constexpr int kProblemsNamed = 5;

} // namespace

RsidInput::RsidInput(QWidget* parent)
    : QWidget(parent), m_edit(new QPlainTextEdit(this)), m_summary(new QLabel(this))
{
    m_edit->setObjectName(u"rsidEdit"_s);
    m_edit->setAccessibleName(tr("Rsids"));
    m_edit->setAccessibleDescription(
        tr("The rsids to look up, separated by anything; Ctrl+Return looks them up"));
    m_edit->setPlaceholderText(tr("rs762551, rs671 rs4988235 … (any separator; Ctrl+Return to look up)"));
    m_edit->setTabChangesFocus(true);
    m_edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    const int lineHeight = m_edit->fontMetrics().lineSpacing();
    m_edit->setFixedHeight(lineHeight * 4 + 2 * m_edit->frameWidth() + 8);
    m_summary->setObjectName(u"rsidSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_summary);

    m_edit->installEventFilter(this);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &RsidInput::reparse);
    reparse();
}

bool RsidInput::eventFilter(QObject* watched, QEvent* event)
{
    // Ctrl+Return submits; a plain Return stays a line break, the natural separator of a paste.
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            Q_EMIT submitted();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString RsidInput::text() const
{
    return m_edit->toPlainText();
}

void RsidInput::setText(const QString& text)
{
    m_edit->setPlainText(text);
}

QString RsidInput::problemText() const
{
    if (m_list.problems.isEmpty())
        return {};
    QStringList named;
    for (const RsidProblem& p :
         m_list.problems.first(std::min<qsizetype>(m_list.problems.size(), kProblemsNamed)))
        named.append(tr("“%1” (line %2, column %3)").arg(p.text).arg(p.line).arg(p.column));
    QString text =
        tr("%n item(s) are not rsids (rs followed by digits): %1", nullptr, int(m_list.problems.size()))
            .arg(named.join(u"; "_s));
    if (m_list.problems.size() > kProblemsNamed)
        text += tr("; and %n more", nullptr, int(m_list.problems.size() - kProblemsNamed));
    return text;
}

void RsidInput::reparse()
{
    m_list = RsidList::parse(m_edit->toPlainText());
    QString summary = tr("%n rsid(s)", nullptr, int(m_list.rsids.size()));
    if (m_list.duplicates > 0)
        summary += tr(" (%n repeated, looked up once)", nullptr, m_list.duplicates);
    if (!m_list.problems.isEmpty())
        summary += u". "_s + problemText();
    m_summary->setText(summary);
    markProblems();
    Q_EMIT changed();
}

void RsidInput::markProblems()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const RsidProblem& p : m_list.problems) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_edit->document());
        selection.cursor.setPosition(int(p.offset));
        selection.cursor.setPosition(int(p.offset + p.length), QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        selection.format.setUnderlineColor(Qt::red);
        selections.append(selection);
    }
    m_edit->setExtraSelections(selections);
}

} // namespace bge::ui
