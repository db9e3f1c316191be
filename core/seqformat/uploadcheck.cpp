#include "uploadcheck.h"

#include "readpairing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace bge::seqformat {

namespace {

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::seqformat::UploadCheck)
};

QString fileNameOf(const QString& path)
{
    return QFileInfo(path).fileName();
}

// The type one file will be uploaded as, or an error. `claim` is what the person declared or,
// failing that, what the name says; `declared` tells which, for the wording.
std::optional<ReadSetFileType> resolveType(const UploadFile& file, std::optional<ReadSetFileType> claim,
                                           bool declared, UploadCheck& check)
{
    const QString name = fileNameOf(file.path);
    const std::optional<ReadSetFileType> bytes = readSetFileTypeFromSniff(file.sniff);
    if (!bytes)
        return std::nullopt;
    if (!claim || *claim == *bytes)
        return bytes;
    if (*claim == ReadSetFileType::Bam && *bytes == ReadSetFileType::Ubam) {
        if (declared) {
            check.errors.append(Text::tr("“%1” was declared BAM, but it is an unaligned BAM (no @SQ lines, no reference "
                                   "sequences); upload it as UBAM.")
                                    .arg(name));
            return std::nullopt;
        }
        check.notes.append(Text::tr("“%1” is an unaligned BAM (no @SQ lines, no reference sequences): it will be "
                              "uploaded as UBAM, without a reference.")
                               .arg(name));
        return ReadSetFileType::Ubam;
    }
    if (*claim == ReadSetFileType::Ubam && *bytes == ReadSetFileType::Bam) {
        if (file.sniff.alignment == SniffResult::Alignment::Unknown) {
            // The header outgrew the bytes read before any @SQ line: the person's word stands.
            check.notes.append(Text::tr("The header of “%1” is too long to confirm that it is unaligned; it will be "
                                  "uploaded as UBAM as chosen.")
                                   .arg(name));
            return ReadSetFileType::Ubam;
        }
        check.errors.append(declared ? Text::tr("“%1” was declared UBAM, but it is an aligned BAM (its header lists "
                                          "reference sequences); upload it as BAM, with its reference.")
                                           .arg(name)
                                     : Text::tr("“%1” is named like a UBAM file, but it is an aligned BAM (its header "
                                          "lists reference sequences); upload it as BAM, with its reference.")
                                           .arg(name));
        return std::nullopt;
    }
    check.errors.append(declared ? Text::tr("“%1” was declared %2, but its bytes are %3.")
                                       .arg(name, wireName(*claim), file.sniff.formatName())
                                 : Text::tr("“%1” is named like a %2 file, but its bytes are %3.")
                                       .arg(name, wireName(*claim), file.sniff.formatName()));
    return std::nullopt;
}

void checkPair(const UploadProposal& proposal, UploadCheck& check)
{
    const QString path1 = proposal.files.at(0).path;
    const QString path2 = proposal.files.at(1).path;
    if (QDir::cleanPath(QFileInfo(path1).absoluteFilePath()) == QDir::cleanPath(QFileInfo(path2).absoluteFilePath())) {
        check.errors.append(Text::tr("“%1” was given twice; a paired read set needs its read-1 and its read-2 file.")
                                .arg(fileNameOf(path1)));
        return;
    }
    const MateInfo mate1 = mateFromFileName(fileNameOf(path1));
    const MateInfo mate2 = mateFromFileName(fileNameOf(path2));
    using Mate = MateInfo::Mate;
    if (mate1.mate == Mate::Read2 && mate2.mate == Mate::Read1) {
        check.errors.append(Text::tr("“%1” looks like read 2 and “%2” like read 1; give the read-1 file first.")
                                .arg(fileNameOf(path1), fileNameOf(path2)));
    } else if (mate1.mate != Mate::None && mate1.mate == mate2.mate) {
        check.errors.append(Text::tr("“%1” and “%2” both look like read %3; a pair needs one read-1 and one read-2 file.")
                                .arg(fileNameOf(path1), fileNameOf(path2))
                                .arg(mate1.mate == Mate::Read1 ? 1 : 2));
    } else if (mate1.mate == Mate::None || mate2.mate == Mate::None || mate1.pairKey != mate2.pairKey) {
        check.notes.append(Text::tr("The names of “%1” and “%2” do not say they are the two reads of one pair; "
                              "they will be uploaded as read 1 and read 2 in this order.")
                               .arg(fileNameOf(path1), fileNameOf(path2)));
    }
}

} // namespace

std::optional<QString> referenceProblem(ReadSetFileType type, const QString& arn)
{
    const QString trimmed = arn.trimmed();
    if (trimmed.isEmpty()) {
        if (requiresReference(type)) {
            return Text::tr("A %1 read set needs a reference: choose the reference genome its reads were aligned to.")
                .arg(wireName(type));
        }
        return std::nullopt;
    }
    // The service's own rule (1–127 characters, `arn:.+`); the store checks that it exists.
    if (!trimmed.startsWith(u"arn:") || trimmed.size() < 5 || trimmed.size() > 127 || trimmed != arn)
        return Text::tr("“%1” is not a reference ARN (arn:aws:omics:…:referenceStore/…/reference/…).").arg(arn);
    return std::nullopt;
}

UploadCheck checkUpload(const UploadProposal& proposal)
{
    UploadCheck check;
    const qsizetype count = proposal.files.size();
    if (count == 0) {
        check.errors.append(Text::tr("Choose the file to upload."));
        return check;
    }
    if (count > 2) {
        check.errors.append(Text::tr("A read set has one file, or two for paired FASTQ; %1 files were given.").arg(count));
        return check;
    }
    for (const UploadFile& file : proposal.files) {
        if (!file.sniff.isReadSetSource())
            check.errors.append(file.sniff.describe(fileNameOf(file.path)));
    }
    if (!check.errors.isEmpty())
        return check;

    if (count == 2) {
        if (proposal.declared && *proposal.declared != ReadSetFileType::Fastq) {
            check.errors.append(Text::tr("Only FASTQ read sets can have two files; %1 was chosen.")
                                    .arg(wireName(*proposal.declared)));
            return check;
        }
        for (int i = 0; i < 2; ++i) {
            const UploadFile& file = proposal.files.at(i);
            if (readSetFileTypeFromSniff(file.sniff) != ReadSetFileType::Fastq) {
                check.errors.append(Text::tr("Only FASTQ read sets can have two files; “%1” is %2.")
                                        .arg(fileNameOf(file.path), file.sniff.formatName()));
            }
        }
        if (!check.errors.isEmpty())
            return check;
        checkPair(proposal, check);
    }
    if (!check.errors.isEmpty())
        return check;

    QList<std::optional<ReadSetFileType>> resolved;
    for (const UploadFile& file : proposal.files) {
        const std::optional<ReadSetFileType> claim =
            proposal.declared ? proposal.declared : readSetFileTypeFromFileName(fileNameOf(file.path));
        resolved.append(resolveType(file, claim, proposal.declared.has_value(), check));
    }
    if (!check.errors.isEmpty())
        return check;

    check.type = resolved.first();
    check.referenceRequired = requiresReference(*check.type);
    if (proposal.referenceArn) {
        if (const std::optional<QString> problem = referenceProblem(*check.type, *proposal.referenceArn))
            check.errors.append(*problem);
    }
    return check;
}

} // namespace bge::seqformat
