#pragma once

#include <QString>

namespace bge {
struct Profile;
}

namespace bge::ui {

// "BGE Open Platform", "Sandbox (offline demo)"…: a profile as the user chose it.
QString profileDisplayName(const bge::Profile& profile);

} // namespace bge::ui
