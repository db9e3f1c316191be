#include "readsetuploadproposal.h"

#include "seqformat/readpairing.h"
#include "seqformat/readsetfiletype.h"
#include "seqformat/readsetnaming.h"
#include "seqformat/sequencefilesniffer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace bge::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::ui::ReadSetUploadProposal)
};

// The service's rule for names and ids (1–max characters, letters, marks, separators, symbols,
// numbers, punctuation: no control characters), checked here so that nothing it would refuse
// is sent.
QString textProblem(const QString& value, const QString& label, int maxLength, bool required)
{
    if (value.isEmpty())
        return required ? Text::tr("%1 is required.").arg(label) : QString();
    if (value.size() > maxLength)
        return Text::tr("%1 is longer than %2 characters.").arg(label).arg(maxLength);
    static const QRegularExpression printable(QStringLiteral("^[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]+$"));
    if (!printable.match(value).hasMatch())
        return Text::tr("%1 contains characters that are not allowed.").arg(label);
    if (value.trimmed() != value)
        return Text::tr("%1 starts or ends with a space.").arg(label);
    return {};
}

} // namespace

QStringList ReadSetUploadProposal::paths() const
{
    QStringList out;
    for (const seqformat::UploadFile& f : files)
        out.append(f.path);
    return out;
}

bool ReadSetUploadProposal::referenceApplies() const
{
    const auto type = seqformat::readSetFileTypeFromWireName(fileType);
    return type && seqformat::requiresReference(*type);
}

seqformat::UploadCheck ReadSetUploadProposal::check() const
{
    seqformat::UploadProposal proposal;
    proposal.files = files;
    proposal.declared = seqformat::readSetFileTypeFromWireName(fileType);
    proposal.referenceArn = referenceApplies() ? referenceArn : QString();
    return seqformat::checkUpload(proposal);
}

QStringList ReadSetUploadProposal::problems() const
{
    seqformat::UploadCheck c = check();
    QStringList out = c.errors;
    if (c.errors.isEmpty() && !c.type)
        out.append(Text::tr("Choose the file type."));
    for (const QString& p : {textProblem(name, Text::tr("The name"), 127, true),
                             textProblem(subjectId, Text::tr("The subject id"), 127, true),
                             textProblem(sampleId, Text::tr("The sample id"), 127, true),
                             textProblem(generatedFrom, Text::tr("“Generated from”"), 127, false),
                             textProblem(description, Text::tr("The description"), 255, false)}) {
        if (!p.isEmpty())
            out.append(p);
    }
    return out;
}

QStringList ReadSetUploadProposal::notes() const
{
    return groupingNotes + check().notes;
}

omics::ReadSetUploadOptions ReadSetUploadProposal::options(const QString& storeId) const
{
    omics::ReadSetUploadOptions o;
    o.storeId = storeId;
    o.files = paths();
    o.fileType = fileType;
    o.subjectId = subjectId;
    o.sampleId = sampleId;
    o.name = name;
    o.referenceArn = referenceApplies() ? referenceArn : QString();
    o.description = description;
    o.generatedFrom = generatedFrom;
    return o;
}

ReadSetUploadProposals proposeReadSetUploads(const QStringList& paths)
{
    ReadSetUploadProposals out;
    const seqformat::ReadFileGrouping grouping = seqformat::groupReadFiles(paths);
    out.errors = grouping.errors;
    for (const seqformat::ReadFileGroup& group : grouping.groups) {
        ReadSetUploadProposal p;
        for (const QString& path : group.files)
            p.files.append({path, seqformat::sniffFile(path)});
        // What the bytes say (with the names only as the tie-breaker checkUpload applies).
        seqformat::UploadProposal probe;
        probe.files = p.files;
        if (const seqformat::UploadCheck c = seqformat::checkUpload(probe); c.type)
            p.fileType = seqformat::wireName(*c.type);
        const seqformat::ReadSetNameSuggestion names = seqformat::suggestReadSetNames(group.files);
        p.name = names.name;
        p.subjectId = names.subjectId;
        p.sampleId = names.sampleId;
        for (const QString& note : grouping.notes) {
            for (const QString& path : group.files) {
                if (note.contains(QFileInfo(path).fileName())) {
                    p.groupingNotes.append(note);
                    break;
                }
            }
        }
        out.proposals.append(p);
    }
    return out;
}

} // namespace bge::ui
