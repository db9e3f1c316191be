#include "rsidpanels.h"

#include <QSettings>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const auto kKey = u"variants/panels"_s;
const auto kName = u"name"_s;
const auto kRsids = u"rsids"_s;

} // namespace

QList<RsidPanel> RsidPanels::defaults()
{
    // Chosen by what the catalogue says each marker is about (sandbox/catalog/variantcatalog.cpp
    // mirrors the platform's): a drug's dose, response or toxicity for the first panel; a
    // food, drink or nutrient (caffeine, alcohol, lactose, folate, bitter taste, vitamins D and
    // B12, iron, fats) for the second. Disease risks (HFE, coeliac HLA, TCF7L2) and body-mass
    // index (FTO) are neither and are left to panels people make themselves.
    return {
        {tr("Pharmacogenomics"),
         {u"rs4149056"_s,   // SLCO1B1*5, statin myopathy
          u"rs1065852"_s,   // CYP2D6*10
          u"rs3892097"_s,   // CYP2D6*4, poor metabolizer
          u"rs4244285"_s,   // CYP2C19*2, clopidogrel
          u"rs12248560"_s,  // CYP2C19*17, ultrarapid
          u"rs1057910"_s,   // CYP2C9*3, warfarin
          u"rs1799853"_s,   // CYP2C9*2, warfarin
          u"rs9923231"_s,   // VKORC1, warfarin sensitivity
          u"rs776746"_s,    // CYP3A5*3, tacrolimus
          u"rs1142345"_s,   // TPMT*3C, thiopurines
          u"rs3918290"_s,   // DPYD*2A, fluoropyrimidines
          u"rs1042713"_s}}, // ADRB2, beta-agonists
        {tr("Nutrigenomics"),
         {u"rs762551"_s,   // CYP1A2*1F, caffeine
          u"rs671"_s,      // ALDH2*2, alcohol flush
          u"rs1229984"_s,  // ADH1B*2, ethanol oxidation
          u"rs4988235"_s,  // LCT/MCM6 -13910, lactase persistence
          u"rs1801133"_s,  // MTHFR C677T, folate
          u"rs1801131"_s,  // MTHFR A1298C, folate
          u"rs713598"_s,   // TAS2R38, bitter taste
          u"rs10246939"_s, // TAS2R38, bitter taste
          u"rs2282679"_s,  // GC, vitamin D binding protein
          u"rs2228570"_s,  // VDR FokI, vitamin D receptor
          u"rs602662"_s,   // FUT2, vitamin B12
          u"rs3811647"_s,  // TF, transferrin and iron
          u"rs5082"_s,     // APOA2, saturated fat
          u"rs174547"_s}}, // FADS1, omega-3/6 fatty acids
    };
}

bool RsidPanels::isStored() const
{
    return m_settings->contains(kKey + u"/size"_s);
}

QList<RsidPanel> RsidPanels::panels() const
{
    if (!isStored())
        return defaults();
    QList<RsidPanel> stored;
    const int size = m_settings->beginReadArray(kKey);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        RsidPanel panel{m_settings->value(kName).toString().trimmed(),
                        m_settings->value(kRsids).toStringList()};
        panel.rsids.removeAll(QString());
        // A hand-edited file may hold a nameless entry: it could be neither shown nor deleted.
        if (!panel.name.isEmpty())
            stored.append(panel);
    }
    m_settings->endArray();
    return stored;
}

QStringList RsidPanels::rsids(const QString& name) const
{
    for (const RsidPanel& panel : panels()) {
        if (panel.name == name)
            return panel.rsids;
    }
    return {};
}

void RsidPanels::save(const QString& name, const QStringList& rsids)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    QList<RsidPanel> all = panels();
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const RsidPanel& p) { return p.name == trimmed; });
    if (it != all.end())
        it->rsids = rsids;
    else
        all.append({trimmed, rsids});
    store(all);
}

bool RsidPanels::remove(const QString& name)
{
    QList<RsidPanel> all = panels();
    if (all.removeIf([&](const RsidPanel& p) { return p.name == name; }) == 0)
        return false;
    store(all);
    return true;
}

void RsidPanels::store(const QList<RsidPanel>& list)
{
    // Entries past the new end would otherwise linger in the file.
    m_settings->remove(kKey);
    // The size is written even when it is 0: "no panels" must differ from "never stored".
    m_settings->beginWriteArray(kKey, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(kName, list[i].name);
        m_settings->setValue(kRsids, list[i].rsids);
    }
    m_settings->endArray();
}

} // namespace bge::ui
