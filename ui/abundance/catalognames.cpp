#include "catalognames.h"

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QString labelled(const QString& name, const QString& code)
{
    return name.isEmpty() ? code : u"%1 (%2)"_s.arg(name, code);
}

} // namespace

QString CatalogNames::functionCatalog(const QString& code)
{
    QString name;
    if (code == u"go")
        name = tr("Gene Ontology");
    else if (code == u"ko")
        name = tr("KEGG orthologs");
    else if (code == u"eggnog")
        name = tr("eggNOG orthologous groups");
    else if (code == u"pfam")
        name = tr("Pfam protein families");
    else if (code == u"kegg-pwy")
        name = tr("KEGG pathways");
    else if (code == u"kegg-mdl")
        name = tr("KEGG modules");
    else if (code == u"level4ec")
        name = tr("Enzyme Commission numbers (level 4)");
    else if (code == u"metacyc-rxn")
        name = tr("MetaCyc reactions");
    else if (code == u"metacyc-pwy")
        name = tr("MetaCyc pathways");
    return labelled(name, code);
}

QString CatalogNames::geneCatalog(const QString& code)
{
    QString name;
    if (code == u"IGC_9.9M")
        name = tr("Integrated Gene Catalog, 9.9 million genes");
    else if (code == u"UniRef90_HUMAnN2_0.11")
        name = tr("UniRef90 gene families (HUMAnN2), files only");
    return labelled(name, code);
}

} // namespace bge::ui
