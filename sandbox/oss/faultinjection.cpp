#include "faultinjection.h"

#include <QStringList>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

std::optional<FaultInjection> FaultInjection::parse(const QString& spec, QString* error)
{
    FaultInjection f;
    for (const QString& item : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString name = item.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const double value = item.section(u'=', 1).trimmed().toDouble(&ok);
        if (name == u"error-rate" && ok && value >= 0 && value <= 1) {
            f.errorRate = value;
        } else if (name == u"drop-rate" && ok && value >= 0 && value <= 1) {
            f.dropRate = value;
        } else if (name == u"latency-ms" && ok && value >= 0 && value <= 60000) {
            f.latencyMs = int(value);
        } else {
            *error = u"--oss-faults: \"%1\" is not understood; use error-rate=0..1, drop-rate=0..1, "
                     "latency-ms=0..60000, separated by commas"_s.arg(item);
            return std::nullopt;
        }
    }
    return f;
}

} // namespace bge::sandbox
