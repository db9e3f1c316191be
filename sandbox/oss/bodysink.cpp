#include "bodysink.h"

#include <openssl/evp.h>

namespace bge::sandbox {

namespace {
constexpr qsizetype kBufferSize = 1 << 20;
}

BodySink::BodySink(const QString& temporaryPath) : m_file(temporaryPath)
{
    m_ok = m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered);
    m_md5Context = EVP_MD_CTX_new();
    m_ok = m_ok && m_md5Context && EVP_DigestInit_ex(m_md5Context, EVP_md5(), nullptr) == 1;
    m_buffer.reserve(kBufferSize);
}

BodySink::~BodySink()
{
    if (m_file.isOpen())
        discard();
    EVP_MD_CTX_free(m_md5Context);
}

bool BodySink::write(const char* data, qsizetype size)
{
    if (!m_ok)
        return false;
    EVP_DigestUpdate(m_md5Context, data, std::size_t(size));
    m_crc.update(data, size);
    m_size += size;
    m_buffer.append(data, size);
    return m_buffer.size() < kBufferSize || flush();
}

bool BodySink::flush()
{
    if (!m_buffer.isEmpty() && m_file.write(m_buffer) != m_buffer.size())
        m_ok = false;
    m_buffer.clear();
    return m_ok;
}

bool BodySink::finish()
{
    flush();
    m_file.close();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (m_ok && EVP_DigestFinal_ex(m_md5Context, digest, &length) == 1)
        m_md5 = QByteArray(reinterpret_cast<const char*>(digest), int(length));
    else
        m_ok = false;
    return m_ok;
}

void BodySink::discard()
{
    m_file.close();
    m_file.remove();
}

} // namespace bge::sandbox
