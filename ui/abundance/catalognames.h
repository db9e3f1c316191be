#pragma once

#include <QCoreApplication>
#include <QString>

namespace bge::ui {

// What a catalog code means, for pickers: "kegg-pwy" → "KEGG pathways (kegg-pwy)". Unknown
// codes are shown as they are.
class CatalogNames final
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::CatalogNames)

public:
    static QString functionCatalog(const QString& code);
    static QString geneCatalog(const QString& code);
};

} // namespace bge::ui
