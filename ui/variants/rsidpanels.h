#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QSettings;

namespace bge::ui {

// A named list of rsids looked up together, e.g. the pharmacogenomic markers a lab reports.
struct RsidPanel
{
    QString name;
    QStringList rsids;

    bool operator==(const RsidPanel& other) const = default;
};

// The rsid panels a person keeps, in QSettings under "variants/panels" (an array of name and
// rsids), in the order they were made. Until the settings hold any, the panels are the
// defaults below; once one is saved or deleted, the whole list is stored, so deleting every
// panel leaves none rather than bringing the defaults back.
class RsidPanels final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::RsidPanels)
public:
    explicit RsidPanels(QSettings* settings) : m_settings(settings) {}

    QList<RsidPanel> panels() const;
    // The panel's rsids; empty when there is no panel of that name.
    QStringList rsids(const QString& name) const;
    // Adds a panel, or replaces the rsids of the one of the same name (keeping its place).
    // A name that is blank once trimmed is ignored.
    void save(const QString& name, const QStringList& rsids);
    // False when there was no panel of that name.
    bool remove(const QString& name);

    // Panels of markers the platform's assay covers (its variant catalogue).
    static QList<RsidPanel> defaults();

private:
    bool isStored() const;
    void store(const QList<RsidPanel>& list);

    QSettings* m_settings;
};

} // namespace bge::ui
