#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace bge {
class JobBase;
class PlatformApi;
} // namespace bge

namespace bge::ui {

// Whether the platform can be reached, for the status bar. Two sources: a periodic GET /ping
// (every minute while online, every 10 seconds while offline, so recovery shows soon), and the
// outcome of every call the views make to the endpoint (any HTTP answer means online; a
// refused or dropped connection, a time-out or a 5xx means offline), so a failure shows at
// once rather than at the next ping.
class ConnectionMonitor final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Online,
        Offline
    };
    Q_ENUM(State)

    explicit ConnectionMonitor(QObject* parent = nullptr);

    State state() const { return m_state; }
    // Why the platform is offline, translated; empty otherwise.
    const QString& problem() const { return m_problem; }

    // Starting the sandbox or signing in.
    void setConnecting();
    // Signed in: watch this API's endpoint and the calls made through `network`.
    void watch(PlatformApi* api, QNetworkAccessManager* network);
    // Signed out: nothing to watch.
    void stop();
    // Pings now (the user asked, or the window came back).
    void checkNow();

    void setIntervals(std::chrono::milliseconds online, std::chrono::milliseconds offline);

Q_SIGNALS:
    void stateChanged(bge::ui::ConnectionMonitor::State state);

private:
    void setState(State state, const QString& problem = {});
    void onReplyFinished(QNetworkReply* reply);
    void scheduleNextCheck();

    State m_state = State::Idle;
    QString m_problem;
    PlatformApi* m_api = nullptr;
    QPointer<QNetworkAccessManager> m_network;
    QUrl m_endpoint;
    QPointer<JobBase> m_ping;
    QTimer m_timer;
    std::chrono::milliseconds m_onlineInterval{std::chrono::minutes(1)};
    std::chrono::milliseconds m_offlineInterval{std::chrono::seconds(10)};
};

} // namespace bge::ui
