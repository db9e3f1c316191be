#include "omicsretry.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace bge::omics::StandardRetry {

using namespace Qt::StringLiterals;

namespace {

// botocore retries/standard.py: _TRANSIENT_ERROR_CODES and _THROTTLED_ERROR_CODES.
bool isThrottlingCode(const QString& code)
{
    static const QStringList codes = {u"Throttling"_s,
                                      u"ThrottlingException"_s,
                                      u"ThrottledException"_s,
                                      u"RequestThrottledException"_s,
                                      u"TooManyRequestsException"_s,
                                      u"ProvisionedThroughputExceededException"_s,
                                      u"TransactionInProgressException"_s,
                                      u"RequestLimitExceeded"_s,
                                      u"BandwidthLimitExceeded"_s,
                                      u"LimitExceededException"_s,
                                      u"RequestThrottled"_s,
                                      u"SlowDown"_s,
                                      u"PriorRequestNotComplete"_s,
                                      u"EC2ThrottledException"_s};
    return codes.contains(code);
}

bool isTransientCode(const QString& code)
{
    static const QStringList codes = {u"RequestTimeout"_s, u"RequestTimeoutException"_s,
                                      u"PriorRequestNotComplete"_s};
    return codes.contains(code);
}

bool isTransientStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

Class classify(const ApiError& error)
{
    switch (error.kind()) {
    case ApiError::Kind::Transport:
    case ApiError::Kind::Timeout:
        return Class::Transient;
    case ApiError::Kind::Service:
        if (isThrottlingCode(error.serviceCode()))
            return Class::Throttling;
        if (isTransientCode(error.serviceCode()) || isTransientStatus(error.httpStatus()))
            return Class::Transient;
        // A 429 without a code is still "slow down".
        if (error.serviceCode().isEmpty() && error.httpStatus() == 429)
            return Class::Throttling;
        return Class::Final;
    case ApiError::Kind::Http:
        return isTransientStatus(error.httpStatus()) ? Class::Transient : Class::Final;
    default:
        return Class::Final;
    }
}

int delayMs(int attempt, double random)
{
    const double cap = std::min(std::pow(2.0, std::clamp(attempt, 0, 30)), 20.0);
    return int(std::clamp(random, 0.0, 1.0) * cap * 1000.0);
}

int delayMs(int attempt)
{
    return delayMs(attempt, QRandomGenerator::global()->generateDouble());
}

} // namespace bge::omics::StandardRetry
