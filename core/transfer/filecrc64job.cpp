#include "filecrc64job.h"

namespace bge {

namespace {

// Large enough that the loop's overhead vanishes, small enough that a turn stays short.
constexpr qint64 kBlock = 4 * 1024 * 1024;

} // namespace

FileCrc64Job::FileCrc64Job(QString path, qint64 expectedSize, QObject* parent)
    : Job<quint64>(parent), m_path(std::move(path)), m_expected(expectedSize), m_file(m_path)
{
}

void FileCrc64Job::doStart()
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        complete(ApiError::usage(tr("Cannot read %1: %2").arg(m_path, m_file.errorString())));
        return;
    }
    // From the event loop: finished() never comes from inside start().
    QMetaObject::invokeMethod(this, &FileCrc64Job::step, Qt::QueuedConnection);
}

void FileCrc64Job::doAbort()
{
    m_file.close();
}

void FileCrc64Job::step()
{
    if (isFinished())
        return;
    // Up to one byte beyond the expected size: a file that grew shows.
    const QByteArray block = m_file.read(qMin(kBlock, m_expected - m_read + 1));
    m_read += block.size();
    if (m_read > m_expected || (block.isEmpty() && m_read < m_expected)) {
        complete(ApiError::usage(tr("%1 changed while it was being read: upload it again").arg(m_path)));
        return;
    }
    if (block.isEmpty()) {
        succeed(m_crc.value());
        return;
    }
    m_crc.update(block);
    QMetaObject::invokeMethod(this, &FileCrc64Job::step, Qt::QueuedConnection);
}

} // namespace bge
