#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace bge::ui {

// Starting could not go on: the problem as one clear sentence (with the platform's code when
// the platform refused), Retry when trying again can help, and a way to pick another profile.
class ProblemPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemPage(QWidget* parent = nullptr);

    void setProblem(const QString& title, const QString& message, bool canRetry);
    QString message() const;

Q_SIGNALS:
    void retryRequested();
    void chooseProfileRequested();

private:
    QLabel* m_title;
    QLabel* m_message;
    QPushButton* m_retry;
    QPushButton* m_chooseProfile;
};

} // namespace bge::ui
