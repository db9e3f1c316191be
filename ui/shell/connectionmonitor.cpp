#include "connectionmonitor.h"

#include "api/platformapi.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace bge::ui {

namespace {

// Errors that say nothing reached the server, or the server is in trouble: offline.
bool isConnectionFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

bool sameServer(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port(443) == b.port(443);
}

} // namespace

ConnectionMonitor::ConnectionMonitor(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::checkNow);
}

void ConnectionMonitor::setIntervals(std::chrono::milliseconds online, std::chrono::milliseconds offline)
{
    m_onlineInterval = online;
    m_offlineInterval = offline;
}

void ConnectionMonitor::setConnecting()
{
    stop();
    setState(State::Connecting);
}

void ConnectionMonitor::watch(PlatformApi* api, QNetworkAccessManager* network)
{
    stop();
    m_api = api;
    m_endpoint = api->connection()->baseUrl();
    m_network = network;
    if (m_network)
        connect(m_network, &QNetworkAccessManager::finished, this, &ConnectionMonitor::onReplyFinished);
    // Signed in a moment ago: the platform answered.
    setState(State::Online);
    scheduleNextCheck();
}

void ConnectionMonitor::stop()
{
    m_timer.stop();
    m_api = nullptr;
    if (m_ping)
        m_ping->abort();
    if (m_network)
        disconnect(m_network, nullptr, this, nullptr);
    m_network = nullptr;
    setState(State::Idle);
}

void ConnectionMonitor::checkNow()
{
    if (!m_api || m_ping)
        return;
    m_timer.stop();
    auto* job = m_api->ping();
    m_ping = job;
    job->run(this, [this](const Result<QString>& result) {
        m_ping = nullptr;
        if (!m_api || result.error().kind() == ApiError::Kind::Cancelled)
            return; // stopped meanwhile
        if (result.ok() || !result.error().isRetryable())
            setState(State::Online); // anything but a transport failure or a 5xx is an answer
        else
            setState(State::Offline, result.error().message());
        scheduleNextCheck();
    });
}

void ConnectionMonitor::onReplyFinished(QNetworkReply* reply)
{
    if (!m_api || !sameServer(reply->url(), m_endpoint) ||
        reply->error() == QNetworkReply::OperationCanceledError)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isConnectionFailure(reply->error()) || status >= 500) {
        setState(State::Offline,
                 status >= 500 ? ApiError::http(status, {}).message() : ApiError::transport({}).message());
        scheduleNextCheck();
    } else if (status > 0 && m_state != State::Online) {
        setState(State::Online);
        scheduleNextCheck();
    }
}

void ConnectionMonitor::scheduleNextCheck()
{
    if (m_api)
        m_timer.start(m_state == State::Offline ? m_offlineInterval : m_onlineInterval);
}

void ConnectionMonitor::setState(State state, const QString& problem)
{
    const bool changed = state != m_state || problem != m_problem;
    m_state = state;
    m_problem = problem;
    if (changed)
        Q_EMIT stateChanged(state);
}

} // namespace bge::ui
