#include "platformcodes.h"

#include <array>

namespace bge::sandbox {
namespace {

constexpr std::array<CodedValue, 15> kSites = {{
    {1, u"feces", u'F'},          {2, u"saliva", u'S'},        {3, u"skin", u'K'},
    {4, u"vaginal swab", u'V'},   {5, u"urine", u'U'},         {6, u"nasal swab", u'N'},
    {7, u"buccal mucosa", u'M'},  {8, u"sputum", u'P'},        {9, u"breast milk", u'L'},
    {10, u"tissue", u'T'},        {11, u"blood", u'B'},        {12, u"dental plaque", u'D'},
    {13, u"tongue coating", u'G'}, {14, u"semen", u'E'},       {15, u"cerebrospinal fluid", u'C'},
}};

constexpr std::array<CodedValue, 2> kOmics = {{{1, u"genomics"}, {2, u"metagenomics"}}};

constexpr std::array<CodedValue, 3> kOrganisms = {{{1, u"human"}, {2, u"mouse"}, {3, u"rat"}}};

// Sample life cycle: registered → received → in the lab → analysed → interpretation.
constexpr std::array<CodedValue, 6> kStatuses = {{
    {1001, u"已注册"},
    {2001, u"已收样"},
    {3001, u"检测中"},
    {4001, u"数据分析中"},
    {5001, u"质控未通过"},
    {9001, u"开始解读"},
}};

constexpr std::array<const char16_t*, 10> kScopes = {
    u"abundance.default",    u"model.default",       u"profile.default",   u"sample.default:read",
    u"sample.default:write", u"service.file:read",   u"service.file:write", u"survey.default",
    u"variant.chr",          u"variant.rsid",
};

} // namespace

std::span<const CodedValue> biosampleSites() { return kSites; }
std::span<const CodedValue> omicsTypes() { return kOmics; }
std::span<const CodedValue> organisms() { return kOrganisms; }
std::span<const CodedValue> sampleStatuses() { return kStatuses; }

const CodedValue* findCode(std::span<const CodedValue> values, int code)
{
    for (const CodedValue& v : values) {
        if (v.code == code)
            return &v;
    }
    return nullptr;
}

std::span<const char16_t* const> knownScopes() { return kScopes; }

bool isKnownScope(const QString& scope)
{
    for (const char16_t* s : kScopes) {
        if (scope == QStringView(s))
            return true;
    }
    return false;
}

} // namespace bge::sandbox
