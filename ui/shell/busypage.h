#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace bge::ui {

// "Starting the sandbox…", "Signing in…": something is under way and the window stays
// responsive; Cancel goes back to the profile choice.
class BusyPage final : public QWidget
{
    Q_OBJECT
public:
    explicit BusyPage(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_text;
    QPushButton* m_cancel;
};

} // namespace bge::ui
