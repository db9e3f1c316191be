#pragma once

#include <span>
#include <string_view>

namespace bge::sandbox::catalog {

struct KnownFunction
{
    std::string_view id;   // catalog-specific: "GO:0006096", "K00001", "COG0001", "PF00005", …
    std::string_view name;
};

// One of the nine function catalogs of get_func_abundance (HUMAnN2 0.11 regroupings).
struct FunctionCatalog
{
    std::string_view catalog;      // "go", "ko", "eggnog", "pfam", "kegg-pwy", "kegg-mdl", "level4ec", "metacyc-rxn", "metacyc-pwy"
    std::string_view codingSystem; // "go_HUMAnN2_0.11", …
    std::span<const KnownFunction> functions;
};

std::span<const FunctionCatalog> functionCatalogs();
const FunctionCatalog* findFunctionCatalog(std::string_view catalog); // nullptr when unknown

} // namespace bge::sandbox::catalog
