#pragma once

#include "apicontext.h"
#include "demotypes.h"

#include <optional>

namespace bge::sandbox {

// The caller's sample with this id: nullopt when the id is malformed ("demo", "E-B112"),
// unknown, or someone else's — all 41303 on the platform. Ids are compared upper-cased,
// as the SDK sends them.
std::optional<Sample> ownSample(const ApiContext& api, const Principal& principal, const QString& biosampleId);

} // namespace bge::sandbox
