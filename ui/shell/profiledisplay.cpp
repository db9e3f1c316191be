#include "profiledisplay.h"

#include "profiles/profile.h"

#include <QCoreApplication>

namespace bge::ui {

QString profileDisplayName(const Profile& profile)
{
    switch (profile.kind) {
    case Profile::Kind::Main:
        return QCoreApplication::translate("bge::ui::ProfileDisplay", "BGE Open Platform");
    case Profile::Kind::Backup:
        return QCoreApplication::translate("bge::ui::ProfileDisplay", "Backup endpoint");
    case Profile::Kind::Sandbox:
        return QCoreApplication::translate("bge::ui::ProfileDisplay", "Sandbox (offline demo)");
    case Profile::Kind::Custom:
        return profile.endpoint.host().isEmpty()
                   ? QCoreApplication::translate("bge::ui::ProfileDisplay", "Custom address")
                   : profile.endpoint.host();
    }
    return profile.name;
}

} // namespace bge::ui
