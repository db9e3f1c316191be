#include "readpairing.h"

#include "readsetfiletype.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace bge::seqformat {

namespace {

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::seqformat::ReadPairing)
};

QString quoted(const QString& path)
{
    return Text::tr("“%1”").arg(QFileInfo(path).fileName());
}

QString quotedList(const QStringList& paths)
{
    QStringList names;
    for (const QString& path : paths)
        names.append(quoted(path));
    return names.join(Text::tr(", "));
}

// Tried in order on the stem; each captures (before)(mate digit)(after) and the greedy
// `before` makes the last token in the name win.
struct MatePattern
{
    QRegularExpression regex;
    bool illuminaChunk; // the `after` part is Illumina's chunk number
};

const QList<MatePattern>& matePatterns()
{
    static const QList<MatePattern> patterns = [] {
        const auto options = QRegularExpression::CaseInsensitiveOption;
        return QList<MatePattern>{
            // sample_S1_L001_R1_001 (Illumina bcl2fastq / BCL Convert)
            {QRegularExpression(QStringLiteral("^(.*[._]R)([12])(_\\d{3})$"), options), true},
            // x_R1, x.R1, x-R1
            {QRegularExpression(QStringLiteral("^(.*[._-]R)([12])()$"), options), false},
            // x_read1, x.read2
            {QRegularExpression(QStringLiteral("^(.*[._-]read)([12])()$"), options), false},
            // x_1, x.1 (SRA's fasterq-dump, many pipelines)
            {QRegularExpression(QStringLiteral("^(.*[._])([12])()$"), options), false},
            // x_R1_trimmed, x.R2.clean: the token inside the name
            {QRegularExpression(QStringLiteral("^(.*[._-]R)([12])([._-].+)$"), options), false},
        };
    }();
    return patterns;
}

} // namespace

QString sequenceFileStem(QStringView fileName)
{
    QStringView stem = fileName;
    for (QStringView suffix : {u".gz", u".bgz", u".gzip", u".bz2", u".xz", u".zst"}) {
        if (stem.endsWith(suffix, Qt::CaseInsensitive)) {
            stem.chop(suffix.size());
            break;
        }
    }
    for (QStringView suffix : {u".fastq", u".fq", u".bam", u".ubam", u".cram", u".sam", u".txt"}) {
        if (stem.endsWith(suffix, Qt::CaseInsensitive)) {
            stem.chop(suffix.size());
            break;
        }
    }
    return stem.toString();
}

MateInfo mateFromFileName(QStringView fileName)
{
    MateInfo info;
    info.stem = sequenceFileStem(fileName);
    info.baseName = info.stem;
    info.pairKey = info.stem;
    for (const MatePattern& pattern : matePatterns()) {
        const QRegularExpressionMatch match = pattern.regex.match(info.stem);
        if (!match.hasMatch())
            continue;
        const QString before = match.captured(1);
        const QString after = match.captured(3);
        info.mate = match.captured(2) == u'1' ? MateInfo::Mate::Read1 : MateInfo::Mate::Read2;
        info.pairKey = before + u'#' + after;
        // The name is what precedes the token, without the token's letters and separator.
        QString base = before;
        if (base.endsWith(u"read", Qt::CaseInsensitive))
            base.chop(4);
        else if (base.endsWith(u'R', Qt::CaseInsensitive))
            base.chop(1);
        base.chop(1);
        if (pattern.illuminaChunk) {
            if (after != u"_001")
                base += after; // later chunks are read sets of their own; keep them apart
        } else if (!after.isEmpty()) {
            base += after;
        }
        if (!base.isEmpty())
            info.baseName = base;
        break;
    }
    return info;
}

ReadFileGrouping groupReadFiles(const QStringList& paths)
{
    ReadFileGrouping result;
    QStringList unique;
    QSet<QString> seen;
    for (const QString& path : paths) {
        const QString canonical = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        if (seen.contains(canonical)) {
            result.errors.append(Text::tr("%1 was given twice.").arg(quoted(path)));
            continue;
        }
        seen.insert(canonical);
        unique.append(path);
    }

    // Files that may pair, by folder and masked name.
    QHash<QString, QStringList> read1;
    QHash<QString, QStringList> read2;
    QHash<QString, MateInfo> mates;
    for (const QString& path : std::as_const(unique)) {
        const QFileInfo info(path);
        const MateInfo mate = mateFromFileName(info.fileName());
        mates.insert(path, mate);
        if (mate.mate == MateInfo::Mate::None ||
            readSetFileTypeFromFileName(info.fileName()) != ReadSetFileType::Fastq)
            continue;
        const QString key = QDir::cleanPath(info.absolutePath()) + u'/' + mate.pairKey;
        (mate.mate == MateInfo::Mate::Read1 ? read1 : read2)[key].append(path);
    }

    QSet<QString> placed;
    for (const QString& path : std::as_const(unique)) {
        if (placed.contains(path))
            continue;
        const MateInfo& mate = mates[path];
        const QFileInfo info(path);
        const QString key = QDir::cleanPath(info.absolutePath()) + u'/' + mate.pairKey;
        const bool pairable = mate.mate != MateInfo::Mate::None &&
                              readSetFileTypeFromFileName(info.fileName()) == ReadSetFileType::Fastq;
        if (!pairable) {
            result.groups.append({{path}});
            placed.insert(path);
            continue;
        }
        const QStringList ones = read1.value(key);
        const QStringList twos = read2.value(key);
        QStringList all = ones + twos;
        for (const QString& member : std::as_const(all))
            placed.insert(member);
        if (ones.size() > 1 || twos.size() > 1) {
            result.errors.append(Text::tr("%1 cannot be paired: a read set needs exactly one read-1 and one read-2 "
                                    "file, and these names give %2 read-1 and %3 read-2 files.")
                                     .arg(quotedList(all))
                                     .arg(ones.size())
                                     .arg(twos.size()));
            continue;
        }
        if (ones.size() == 1 && twos.size() == 1) {
            result.groups.append({{ones.first(), twos.first()}});
            continue;
        }
        result.groups.append({{path}});
        result.notes.append(mate.mate == MateInfo::Mate::Read1
                                ? Text::tr("%1 looks like read 1 of a pair, but no read-2 file was given; "
                                     "it becomes a single-end read set.")
                                      .arg(quoted(path))
                                : Text::tr("%1 looks like read 2 of a pair, but no read-1 file was given; "
                                     "it becomes a single-end read set.")
                                      .arg(quoted(path)));
    }
    return result;
}

} // namespace bge::seqformat
