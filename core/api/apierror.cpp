#include "apierror.h"

#include "jsonfields.h"

#include <QCoreApplication>

namespace bge {

using namespace Qt::StringLiterals;

namespace {
constexpr int kTokenRejectedCode = 403;

QString tr(const char* text)
{
    return QCoreApplication::translate("bge::ApiError", text);
}
} // namespace

ApiError ApiError::transport(const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Transport;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::timeout(const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Timeout;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::http(int status, const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_httpStatus = status;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::api(int code, const QString& msg, const QJsonValue& data)
{
    ApiError e;
    e.m_kind = Kind::Api;
    e.m_apiCode = code;
    e.m_apiMessage = msg;
    e.m_apiData = data;
    e.m_httpStatus = 200;
    return e;
}

ApiError ApiError::malformed(const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Malformed;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::cancelled()
{
    ApiError e;
    e.m_kind = Kind::Cancelled;
    return e;
}

ApiError ApiError::authentication(const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Authentication;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::usage(const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Usage;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::transportRefused(const QString& sentence, const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Transport;
    e.m_detail = detail;
    e.m_sentence = sentence;
    e.m_final = true;
    return e;
}

ApiError ApiError::transportExplained(const QString& sentence, const QString& detail)
{
    ApiError e;
    e.m_kind = Kind::Transport;
    e.m_detail = detail;
    e.m_sentence = sentence;
    return e;
}

ApiError ApiError::service(int httpStatus, const QString& code, const QString& serviceMessage,
                           const QString& requestId, const QString& sentence)
{
    ApiError e;
    e.m_kind = Kind::Service;
    e.m_httpStatus = httpStatus;
    e.m_serviceCode = code;
    e.m_apiMessage = serviceMessage;
    e.m_requestId = requestId;
    e.m_sentence = sentence;
    return e;
}

bool ApiError::isTokenRejected() const
{
    return m_kind == Kind::Api && m_apiCode == kTokenRejectedCode;
}

bool ApiError::isRetryable() const
{
    // 408 and 429 ask the client to come back later, like a 5xx.
    // A refused transport (a certificate, a proxy's 407) meets the same refusal again.
    return (m_kind == Kind::Transport && !m_final) || m_kind == Kind::Timeout
           || ((m_kind == Kind::Http || m_kind == Kind::Service) && (m_httpStatus >= 500 || m_httpStatus == 408 || m_httpStatus == 429));
}

ApiError ApiError::withContext(const QString& context) const
{
    ApiError e = *this;
    e.m_detail = m_detail.isEmpty() ? context : context + u": "_s + m_detail;
    return e;
}

QString ApiError::message() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Transport:
        if (!m_sentence.isEmpty())
            return m_sentence;
        return tr("Could not reach the platform. Check the network connection and the endpoint address.");
    case Kind::Timeout:
        return tr("The platform did not answer in time.");
    case Kind::Http:
        if (m_httpStatus >= 500)
            return tr("The platform had an internal problem (HTTP %1). Try again later.").arg(m_httpStatus);
        return tr("The platform refused the request (HTTP %1).").arg(m_httpStatus);
    case Kind::Api:
        if (isTokenRejected())
            return tr("The sign-in has expired or is invalid (%1 %2). Sign in again.")
                .arg(m_apiCode)
                .arg(m_apiMessage);
        return tr("The platform refused the request (%1 %2).").arg(m_apiCode).arg(m_apiMessage);
    case Kind::Malformed:
        return tr("The platform sent a response this version cannot read.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Authentication:
        return tr("Not signed in, or the sign-in could not be renewed.");
    case Kind::Usage:
        return tr("The request is not valid: %1").arg(m_detail);
    case Kind::Service:
        if (!m_sentence.isEmpty())
            return m_sentence;
        return tr("The service refused the request (%1: %2).").arg(m_serviceCode, m_apiMessage);
    }
    return {};
}

QString ApiError::fullText() const
{
    QString text = message();
    if (m_kind == Kind::Api && !m_apiData.isNull() && !m_apiData.isUndefined()) {
        text += u" data: "_s + compactJson(m_apiData);
    }
    if (m_kind == Kind::Service) {
        text += u" ["_s + m_serviceCode + u" HTTP "_s + QString::number(m_httpStatus);
        if (!m_apiMessage.isEmpty())
            text += u": "_s + m_apiMessage;
        if (!m_requestId.isEmpty())
            text += u"; request id "_s + m_requestId;
        text += u']';
    }
    if (!m_detail.isEmpty() && m_kind != Kind::Usage)
        text += u" ["_s + m_detail + u']';
    return text;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return u"none"_s;
    case Kind::Transport: return u"transport"_s;
    case Kind::Timeout: return u"timeout"_s;
    case Kind::Http: return u"http"_s;
    case Kind::Api: return u"api"_s;
    case Kind::Malformed: return u"malformed"_s;
    case Kind::Cancelled: return u"cancelled"_s;
    case Kind::Authentication: return u"authentication"_s;
    case Kind::Usage: return u"usage"_s;
    case Kind::Service: return u"service"_s;
    }
    return {};
}

} // namespace bge
