#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace bge {
class ApiError;
}

namespace bge::ui {

// A problem shown inside a view (never a modal box): the error's translated sentence, which
// already names the platform's code, and a Retry button when trying again makes sense.
// Hidden until there is something to show.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    // `retry` adds a Retry button that calls it (once) and hides the banner; errors the
    // request itself caused (refused parameters, cancelled) are not offered a retry.
    void showError(const bge::ApiError& error, std::function<void()> retry = {});
    // A problem found locally, e.g. invalid input.
    void showMessage(const QString& text);
    void clear();

    QString text() const;
    bool canRetry() const;

private:
    void present(const QString& text, std::function<void()> retry);

    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_retryButton;
    std::function<void()> m_retry;
};

} // namespace bge::ui
