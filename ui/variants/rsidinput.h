#pragma once

#include "rsidlist.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace bge::ui {

// The box rsids are typed or pasted into, with any separator. Items that are not rsids are
// underlined in place and named with their line and column below, as the person types, so
// they are fixed before anything is sent.
class RsidInput final : public QWidget
{
    Q_OBJECT
public:
    explicit RsidInput(QWidget* parent = nullptr);

    const RsidList& list() const { return m_list; }
    QString text() const;
    void setText(const QString& text);
    QPlainTextEdit* editor() const { return m_edit; }
    // The sentence that names the invalid items ("" when all are valid).
    QString problemText() const;

Q_SIGNALS:
    void changed();
    // Ctrl+Return in the box.
    void submitted();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reparse();
    void markProblems();

    QPlainTextEdit* m_edit;
    QLabel* m_summary;
    RsidList m_list;
};

} // namespace bge::ui
