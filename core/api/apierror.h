#pragma once

#include <QJsonValue>
#include <QString>

namespace bge {

// What went wrong with a call, as a value: a kind, a sentence fit for a person (translated),
// and detail for logs. Detail never carries tokens, secrets or signed URLs.
class ApiError final
{
public:
    enum class Kind {
        None,
        Transport,      // connection refused, reset, TLS, DNS, dropped mid-body
        Timeout,        // the server stopped answering
        Http,           // HTTP status >= 400
        Api,            // envelope with code != 0 (code, msg, data)
        Malformed,      // not JSON, wrong types, missing fields, truncated, too large, an HTML page
        Cancelled,      // the caller aborted
        Authentication, // no usable credentials: sign in first, or a refresh was refused
        Usage,          // the caller passed something the platform would refuse (checked locally)
        Service,        // an AWS service error (restJson1): error code, service message, request id
    };

    ApiError() = default;

    static ApiError transport(const QString& detail);
    static ApiError timeout(const QString& detail);
    static ApiError http(int status, const QString& detail);
    static ApiError api(int code, const QString& msg, const QJsonValue& data);
    static ApiError malformed(const QString& detail);
    static ApiError cancelled();
    static ApiError authentication(const QString& detail);
    static ApiError usage(const QString& detail);
    // A transport failure told by `sentence` (translated) that another attempt cannot cure: the
    // server's certificate did not verify (net::tlsRefusal), an address that would send in clear
    // (net::clearTextRefusal).
    static ApiError transportRefused(const QString& sentence, const QString& detail);
    // A transport failure worth another attempt that `sentence` (translated) tells better than
    // the generic one when it is the last: a proxy that could not reach the server.
    static ApiError transportExplained(const QString& sentence, const QString& detail);
    // `sentence` is the translated explanation the service's client built for `code` (what to
    // fix); the service's own message and the request id are kept for logs and --verbose.
    static ApiError service(int httpStatus, const QString& code, const QString& serviceMessage,
                            const QString& requestId, const QString& sentence);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    int httpStatus() const { return m_httpStatus; }
    int apiCode() const { return m_apiCode; }
    const QString& apiMessage() const { return m_apiMessage; }
    const QJsonValue& apiData() const { return m_apiData; }
    const QString& detail() const { return m_detail; }
    // Kind::Service only: the sanitised error code ("ThrottlingException"), the request id.
    const QString& serviceCode() const { return m_serviceCode; }
    const QString& requestId() const { return m_requestId; }

    // One translated sentence for a person, e.g. "The platform refused the request (41001 参数错误)."
    QString message() const;
    // message() plus detail, for logs and --verbose output.
    QString fullText() const;
    static QString kindName(Kind kind);

    // 403 `access_token 已失效或错误`: the session refreshes once and replays the call.
    bool isTokenRejected() const;
    // Transport errors, time-outs and 5xx: worth another attempt for an idempotent call.
    bool isRetryable() const;

    // Prefixes the detail with where it happened ("GET /samples: ...").
    ApiError withContext(const QString& context) const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    int m_apiCode = 0;
    QString m_apiMessage;
    QJsonValue m_apiData;
    QString m_detail;
    QString m_serviceCode;
    QString m_requestId;
    QString m_sentence;
    bool m_final = false; // transportRefused: another attempt meets the same refusal
};

} // namespace bge
