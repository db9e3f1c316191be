#include "platformcodes.h"

namespace bge {

using namespace Qt::StringLiterals;

QList<PlatformCode> biosampleSiteCodes()
{
    return {{1, u"feces"_s},        {2, u"saliva"_s},          {3, u"skin"_s},           {4, u"vaginal swab"_s},
            {5, u"urine"_s},        {6, u"nasal swab"_s},      {7, u"buccal mucosa"_s},  {8, u"sputum"_s},
            {9, u"breast milk"_s},  {10, u"tissue"_s},         {11, u"blood"_s},         {12, u"dental plaque"_s},
            {13, u"tongue coating"_s}, {14, u"semen"_s},       {15, u"cerebrospinal fluid"_s}};
}

QList<PlatformCode> omicsCodes()
{
    return {{kOmicsGenomics, u"genomics"_s}, {kOmicsMetagenomics, u"metagenomics"_s}};
}

QList<PlatformCode> organismCodes()
{
    return {{1, u"human"_s}, {2, u"mouse"_s}, {3, u"rat"_s}};
}

QList<PlatformCode> sampleStatusCodes()
{
    return {{1001, u"已注册"_s}, {2001, u"已收样"_s}, {3001, u"检测中"_s},
            {4001, u"数据分析中"_s}, {5001, u"质控未通过"_s}, {9001, u"开始解读"_s}};
}

std::optional<int> codeFromText(const QList<PlatformCode>& table, const QString& text)
{
    const QString t = text.trimmed();
    bool isNumber = false;
    const int n = t.toInt(&isNumber);
    if (isNumber)
        return n;
    const QString spaced = QString(t).replace(u'_', u' ').replace(u'-', u' ');
    for (const PlatformCode& c : table) {
        if (c.name.compare(spaced, Qt::CaseInsensitive) == 0)
            return c.code;
    }
    return std::nullopt;
}

} // namespace bge
