#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace bge::ui {

// The frame of every sign-in step the shell shows in the window: which server and profile the
// user is signing into, the step's own content (the embedded authorization page, the
// open-in-browser panel or a client-secret form), a status line with progress or a problem,
// and the buttons to cancel, try again, or use the system browser instead.
class SignInPage final : public QWidget
{
    Q_OBJECT
public:
    SignInPage(const QString& server, const QString& profile, QWidget* parent = nullptr);

    // Shows `content` (taking it over) in place of the previous content, which goes away (later:
    // the caller may be running inside it).
    void setContent(QWidget* content);
    QWidget* content() const { return m_content; }
    // Puts the keyboard focus in the content (the page is its focus proxy too), unless the
    // person has put it elsewhere in the window, outside this page, meanwhile.
    void focusContent();

    // Indeterminate progress with a sentence ("Completing the sign-in…").
    void showBusy(const QString& text);
    // The embedded page loading: a bar while below 100 %.
    void showLoadProgress(int percent);
    // Something went wrong: the sentence, the technical detail on demand, and "Try again".
    void showProblem(const QString& text, const QString& detail = {});
    // A plain remark ("The link was opened in your web browser.").
    void showNote(const QString& text);
    void clearStatus();

    void setSystemBrowserOffered(bool offered);

Q_SIGNALS:
    void cancelRequested();
    void retryRequested();
    void systemBrowserRequested();

private:
    QVBoxLayout* m_contentLayout = nullptr;
    QPointer<QWidget> m_content;
    QProgressBar* m_progress = nullptr;
    QLabel* m_problemIcon = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_systemBrowser = nullptr;
};

} // namespace bge::ui
