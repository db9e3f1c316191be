#include "tinyproxyprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostInfo>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bge::test {

using namespace Qt::StringLiterals;

TinyproxyProcess::~TinyproxyProcess()
{
    stop();
}

QString TinyproxyProcess::executable()
{
    return QStandardPaths::findExecutable(u"tinyproxy"_s,
                                          {u"/usr/sbin"_s, u"/usr/bin"_s, u"/usr/local/bin"_s});
}

QString TinyproxyProcess::loopbackHostName()
{
    const QString host = QHostInfo::localHostName().toLower();
    const QList<QHostAddress> addresses = QHostInfo::fromName(host).addresses();
    const bool loopback =
        !addresses.isEmpty() && std::all_of(addresses.cbegin(), addresses.cend(),
                                            [](const QHostAddress& a) { return a.isLoopback(); });
    return host.isEmpty() || host == u"localhost" || !loopback ? QString() : host;
}

QByteArray TinyproxyProcess::unavailable(QString* host)
{
    if (executable().isEmpty())
        return "tinyproxy is not installed (packaging/linux/install-deps.sh installs it)";
    *host = loopbackHostName();
    if (host->isEmpty())
        return "this machine's host name does not resolve to loopback only (/etc/hosts)";
    return {};
}

quint16 TinyproxyProcess::freePort()
{
    // Taken, then released for tinyproxy (a race another process rarely wins).
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

bool TinyproxyProcess::start(const QString& user, const QString& password, quint16 port)
{
    if (!m_dir.isValid() || executable().isEmpty()) {
        m_error = u"tinyproxy is not installed"_s;
        return false;
    }
    m_port = port ? port : freePort();
    if (m_port == 0) {
        m_error = u"no free port"_s;
        return false;
    }
    QString conf =
        u"Port %1\nListen 127.0.0.1\nTimeout 600\nMaxClients 100\nLogLevel Info\nLogFile \"%2\"\n"_s
            .arg(m_port)
            .arg(m_dir.filePath(u"tinyproxy.log"_s));
    if (!user.isEmpty())
        conf += u"BasicAuth %1 %2\n"_s.arg(user, password);
    QFile file(m_dir.filePath(u"tinyproxy.conf"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) != conf.toUtf8().size()) {
        m_error = u"cannot write the configuration"_s;
        return false;
    }
    file.close();
    m_logOffset = 0;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(executable(), {u"-d"_s, u"-c"_s, file.fileName()});
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(1000))
            return true;
        QTest::qWait(100);
    }
    m_error = u"tinyproxy did not start listening: "_s + QString::fromLocal8Bit(m_process.readAll());
    return false;
}

void TinyproxyProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString TinyproxyProcess::url(const QString& user, const QString& password) const
{
    QUrl u;
    u.setScheme(u"http"_s);
    u.setHost(u"127.0.0.1"_s);
    u.setPort(m_port);
    if (!user.isEmpty()) {
        u.setUserName(user);
        u.setPassword(password);
    }
    return u.toString(QUrl::FullyEncoded);
}

QString TinyproxyProcess::log() const
{
    QFile file(m_dir.filePath(u"tinyproxy.log"_s));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_logOffset))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TinyproxyProcess::clearLog()
{
    m_logOffset = QFile(m_dir.filePath(u"tinyproxy.log"_s)).size();
}

QStringList TinyproxyProcess::connectTargets() const
{
    static const QRegularExpression request(u"Request \\(file descriptor \\d+\\): CONNECT (\\S+) HTTP/"_s);
    QStringList targets;
    auto it = request.globalMatch(log());
    while (it.hasNext())
        targets.append(it.next().captured(1));
    return targets;
}

int TinyproxyProcess::requestCount() const
{
    return int(log().count(u"]: Request (file descriptor"_s));
}

} // namespace bge::test
