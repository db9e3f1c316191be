#include "omicsquotas.h"

#include <algorithm>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

double OmicsQuotas::rateOf(const QString& operation)
{
    if (operation == u"CreateMultipartReadSetUpload" || operation == u"CompleteMultipartReadSetUpload" ||
        operation == u"AbortMultipartReadSetUpload")
        return 1;
    if (operation == u"UploadReadSetPart")
        return 10;
    if (operation == u"GetReadSet")
        return 30;
    return 5;
}

bool OmicsQuotas::admit(const QString& operation)
{
    if (!m_enabled)
        return true;
    const double rate = rateOf(operation);
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(operation);
    if (it == m_buckets.end())
        it = m_buckets.insert(operation, Bucket{rate, now});
    Bucket& b = *it;
    const double elapsed = std::chrono::duration<double>(now - b.refilled).count();
    b.tokens = std::min(rate, b.tokens + elapsed * rate);
    b.refilled = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

} // namespace bge::sandbox::omics
