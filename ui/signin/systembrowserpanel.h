#pragma once

#include <QUrl>
#include <QWidget>

namespace bge::ui {

// Sign-in through the user's own browser (RFC 8252): used when the embedded page is not
// available or the user prefers it. The address is shown too, for a browser on this computer
// that does not open by itself.
class SystemBrowserPanel final : public QWidget
{
    Q_OBJECT
public:
    SystemBrowserPanel(const QUrl& authorizationUrl, QWidget* parent = nullptr);

    // Opens the authorization page in the system browser.
    void openBrowser();

Q_SIGNALS:
    void browserOpened();

private:
    QUrl m_url;
};

} // namespace bge::ui
