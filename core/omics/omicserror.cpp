#include "omicserror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::omics::ServiceError)
};

// Error codes and messages come from the network: keep them short and printable before
// they reach a log or a terminal.
QString printable(QString text, qsizetype limit)
{
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u' ';
    }
    if (text.size() > limit)
        text = text.left(limit) + u'…';
    return text;
}

QString stringMember(const QJsonObject& body, QStringView a, QStringView b)
{
    const QJsonValue first = body.value(a);
    if (first.isString())
        return first.toString();
    const QJsonValue second = body.value(b);
    return second.isString() ? second.toString() : QString();
}

bool is(const QString& code, std::initializer_list<QStringView> names)
{
    for (QStringView name : names) {
        if (code == name)
            return true;
    }
    return false;
}

} // namespace

QString sanitizeErrorCode(QStringView raw)
{
    QStringView code = raw.trimmed();
    if (const qsizetype comma = code.indexOf(u','); comma >= 0)
        code = code.left(comma);
    if (const qsizetype colon = code.indexOf(u':'); colon >= 0)
        code = code.left(colon);
    if (const qsizetype hash = code.lastIndexOf(u'#'); hash >= 0)
        code = code.mid(hash + 1);
    return printable(code.trimmed().toString(), 100);
}

ServiceErrorFields parseServiceError(const QByteArray& errorTypeHeader, const QByteArray& requestIdHeader,
                                     const QByteArray& body)
{
    ServiceErrorFields fields;
    fields.requestId = printable(QString::fromLatin1(requestIdHeader.trimmed()), 100);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    QString rawCode = QString::fromUtf8(errorTypeHeader);
    if (rawCode.trimmed().isEmpty())
        rawCode = stringMember(object, u"code", u"Code");
    if (rawCode.trimmed().isEmpty())
        rawCode = stringMember(object, u"__type", u"__type");
    fields.code = sanitizeErrorCode(rawCode);
    fields.message = printable(stringMember(object, u"message", u"Message"), 500);
    return fields;
}

QString errorSentence(const QString& code, const QString& message, int httpStatus)
{
    // The service's own words, when it sent any, follow the sentence: they often name the
    // member or the resource at fault.
    const auto withMessage = [&message](const QString& sentence) {
        if (message.isEmpty())
            return sentence;
        // The sentence loses its full stop (ASCII or CJK) to the bracket that follows it.
        const bool stop = sentence.endsWith(u'.') || sentence.endsWith(u'\u3002');
        return Text::tr("%1 (%2).").arg(stop ? sentence.chopped(1) : sentence, message);
    };
    // The front end's signature errors share one code; its message says which problem it is.
    if (code == u"InvalidSignatureException" && message.contains(u"expired"_s, Qt::CaseInsensitive))
        return Text::tr(
            "AWS refused the request because its time is too far from AWS's: check this computer's clock "
            "and time zone.");
    if (is(code, {u"InvalidSignatureException", u"SignatureDoesNotMatch"}))
        return Text::tr("AWS refused the signature: check the secret access key for this account.");
    if (is(code, {u"RequestExpired", u"RequestTimeTooSkewed"}))
        return Text::tr("AWS refused the request as expired: check this computer's clock and time zone.");
    if (is(code, {u"UnrecognizedClientException", u"InvalidClientTokenId", u"InvalidAccessKeyId"}))
        return Text::tr("AWS does not recognise the access key ID or the session token: check the access key ID "
                  "for this account, and that the key is still active.");
    if (isExpiredToken(code) || code == u"TokenRefreshRequired")
        return Text::tr("The AWS session token has expired: refresh your credentials (for example, sign in again "
                  "with your identity provider) and retry.");
    if (is(code, {u"MissingAuthenticationToken", u"MissingAuthenticationTokenException"}))
        return Text::tr("AWS received no credentials: configure an access key for this account.");
    if (is(code, {u"IncompleteSignature", u"IncompleteSignatureException"}))
        return Text::tr("AWS refused the request's signature as incomplete: the request was changed on its way, "
                  "check any proxy between this computer and AWS.");
    if (is(code, {u"AccessDeniedException", u"AccessDenied"}))
        return withMessage(
            Text::tr("AWS denied access: the IAM user or role for this account lacks a HealthOmics permission "
               "for this action or resource."));
    if (code == u"ValidationException")
        return withMessage(Text::tr("HealthOmics refused the request as invalid."));
    if (code == u"ResourceNotFoundException")
        return withMessage(
            Text::tr("HealthOmics could not find it: check the sequence store, read set, upload or job ID and the "
               "region."));
    if (code == u"ServiceQuotaExceededException")
        return withMessage(
            Text::tr("A HealthOmics service quota of this account is used up: delete what is no longer needed or "
               "ask AWS for a higher quota."));
    if (code == u"NotSupportedOperationException")
        return withMessage(
            Text::tr("HealthOmics does not support this operation for this sequence store or read set."));
    if (is(code, {u"RequestTimeoutException", u"RequestTimeout"}))
        return Text::tr(
            "HealthOmics timed out waiting for the request: check the network connection and try again.");
    if (code == u"ConflictException")
        return withMessage(
            Text::tr("The read set is not in a state that allows this yet (for example, still being processed or "
               "archived): try again later."));
    if (code == u"RangeNotSatisfiableException")
        return withMessage(
            Text::tr("HealthOmics has no such part of this read set file: the part number is beyond its end."));
    if (is(code, {u"ThrottlingException", u"TooManyRequestsException", u"Throttling", u"ThrottledException",
                  u"RequestLimitExceeded", u"SlowDown"}))
        return Text::tr("HealthOmics is limiting the request rate of this account: wait a moment and try again.");
    if (is(code, {u"InternalServerException", u"InternalFailure", u"ServiceUnavailable",
                  u"ServiceUnavailableException"}))
        return Text::tr("HealthOmics had an internal problem: try again later.");
    if (code.isEmpty())
        return Text::tr("HealthOmics answered HTTP %1 without an error code.").arg(httpStatus);
    if (message.isEmpty())
        return Text::tr("HealthOmics refused the request (%1).").arg(code);
    return Text::tr("HealthOmics refused the request (%1: %2).").arg(code, message);
}

bool isExpiredToken(const QString& code)
{
    return is(code, {u"ExpiredToken", u"ExpiredTokenException"});
}

bool isCredentialRefusal(const QString& code)
{
    return isExpiredToken(code)
           || is(code, {u"InvalidSignatureException", u"SignatureDoesNotMatch", u"UnrecognizedClientException",
                        u"InvalidClientTokenId", u"InvalidAccessKeyId", u"MissingAuthenticationToken",
                        u"MissingAuthenticationTokenException", u"IncompleteSignature",
                        u"IncompleteSignatureException", u"RequestExpired"});
}

ApiError serviceError(int httpStatus, const QByteArray& errorTypeHeader, const QByteArray& requestIdHeader,
                      const QByteArray& body)
{
    const ServiceErrorFields fields = parseServiceError(errorTypeHeader, requestIdHeader, body);
    return ApiError::service(httpStatus, fields.code, fields.message, fields.requestId,
                             errorSentence(fields.code, fields.message, httpStatus));
}

} // namespace bge::omics
