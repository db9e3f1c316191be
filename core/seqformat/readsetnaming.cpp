#include "readsetnaming.h"

#include "readpairing.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace bge::seqformat {

namespace {

constexpr qsizetype kMaxOmicsName = 127;

QString sampleFromName(const QString& name)
{
    // Illumina: <sample>_S<n>[_L<lane>], e.g. NA12878_S1_L001 or HG002-rep1_S12.
    static const QRegularExpression illumina(QStringLiteral("^(.+?)_S\\d+(?:_L\\d{3})?(?:_.*)?$"));
    static const QRegularExpression laneOnly(QStringLiteral("^(.+?)_L\\d{3}(?:_.*)?$"));
    for (const QRegularExpression* regex : {&illumina, &laneOnly}) {
        const QRegularExpressionMatch match = regex->match(name);
        if (match.hasMatch())
            return match.captured(1);
    }
    // Pipelines append stages with dots (HG002.GRCh38.markdup): the sample is what comes first.
    const qsizetype dot = name.indexOf(u'.');
    if (dot > 0)
        return name.left(dot);
    return name;
}

} // namespace

QString fitOmicsName(const QString& text)
{
    QString fitted;
    fitted.reserve(std::min<qsizetype>(text.size(), kMaxOmicsName));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (QChar::category(ucs4) >= QChar::Other_Control && QChar::category(ucs4) <= QChar::Other_NotAssigned) {
                ++i;
                continue;
            }
            if (fitted.size() + 2 > kMaxOmicsName)
                break;
            fitted.append(c);
            fitted.append(text.at(i + 1));
            ++i;
            continue;
        }
        const QChar::Category category = c.category();
        if (category >= QChar::Other_Control && category <= QChar::Other_NotAssigned)
            continue; // controls, format characters, lone surrogates, unassigned
        if (fitted.size() + 1 > kMaxOmicsName)
            break;
        fitted.append(c);
    }
    return fitted.trimmed();
}

ReadSetNameSuggestion suggestReadSetNames(const QStringList& files)
{
    ReadSetNameSuggestion suggestion;
    if (files.isEmpty())
        return suggestion;
    const QString fileName = QFileInfo(files.first()).fileName();
    const MateInfo mate = mateFromFileName(fileName);
    QString name = mate.baseName;
    if (name.isEmpty())
        name = fileName;
    suggestion.name = fitOmicsName(name);
    suggestion.sampleId = fitOmicsName(sampleFromName(name));
    if (suggestion.sampleId.isEmpty())
        suggestion.sampleId = suggestion.name;
    suggestion.subjectId = suggestion.sampleId;
    return suggestion;
}

} // namespace bge::seqformat
