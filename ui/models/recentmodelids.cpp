#include "recentmodelids.h"

#include <QSettings>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const auto kKey = u"models/recent"_s;

} // namespace

QStringList RecentModelIds::ids() const
{
    QStringList ids = m_settings->value(kKey).toStringList();
    ids.removeAll(QString());
    return ids.mid(0, kKept);
}

void RecentModelIds::remember(const QString& id)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return;
    QStringList ids = this->ids();
    ids.removeAll(trimmed);
    ids.prepend(trimmed);
    m_settings->setValue(kKey, ids.mid(0, kKept));
}

} // namespace bge::ui
