#include "transferitem.h"

#include <array>
#include <utility>

namespace bge {

namespace {

constexpr std::array<std::pair<TransferState, QStringView>, 8> kStateKeys{{
    {TransferState::Queued, u"queued"},
    {TransferState::Running, u"running"},
    {TransferState::Paused, u"paused"},
    {TransferState::Completed, u"completed"},
    {TransferState::Failed, u"failed"},
    {TransferState::Cancelled, u"cancelled"},
    {TransferState::NameExists, u"name-exists"},
    {TransferState::Skipped, u"skipped"},
}};

} // namespace

QString transferStateKey(TransferState state)
{
    for (const auto& [value, key] : kStateKeys) {
        if (value == state)
            return key.toString();
    }
    return {};
}

std::optional<TransferState> transferStateFromKey(QStringView key)
{
    for (const auto& [value, name] : kStateKeys) {
        if (name == key)
            return value;
    }
    return std::nullopt;
}

} // namespace bge
