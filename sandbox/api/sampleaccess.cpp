#include "sampleaccess.h"

#include "samplerepository.h"

#include <QRegularExpression>

namespace bge::sandbox {

std::optional<Sample> ownSample(const ApiContext& api, const Principal& principal, const QString& biosampleId)
{
    static const QRegularExpression kFormat(QStringLiteral("^E-[A-Z][0-9]{11}$"));
    const QString id = biosampleId.trimmed().toUpper();
    if (!kFormat.match(id).hasMatch())
        return std::nullopt;
    auto sample = api.samples.find(id);
    if (!sample || !sample->isVisibleTo(principal))
        return std::nullopt;
    return sample;
}

} // namespace bge::sandbox
