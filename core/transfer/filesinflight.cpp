#include "filesinflight.h"

#include <algorithm>

namespace bge {

FilesInFlight::FilesInFlight(int singleRequestFiles) : m_limit(std::max(1, singleRequestFiles)) {}

bool FilesInFlight::mayStart(bool multipart) const
{
    if (multipart)
        return running() == 0;
    return !m_multipart && m_single < m_limit;
}

void FilesInFlight::started(bool multipart)
{
    if (multipart)
        m_multipart = true;
    else
        ++m_single;
}

void FilesInFlight::finished(bool multipart)
{
    if (multipart)
        m_multipart = false;
    else if (m_single > 0)
        --m_single;
}

} // namespace bge
