#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace bge::seqformat {

// Which read of a pair a file name says it holds, from the common conventions:
// Illumina `S_S1_L001_R1_001.fastq.gz`, `x_R1.fq`, `x.R2.fastq`, `x_1.fastq.gz`, `x.2.fq`,
// `x_read1.fq`, `x_R1_trimmed.fq` (the token nearest the end wins).
struct MateInfo
{
    enum class Mate { None, Read1, Read2 };
    Mate mate = Mate::None;
    QString stem;     // the file name without compression and format suffixes
    QString baseName; // the stem without the mate token (and Illumina's `_001` chunk): the read set's name
    QString pairKey;  // equal for the two files of a pair: the stem with the mate digit masked
};

// Suffixes dropped: .gz .bgz .gzip .bz2 .xz .zst, then .fastq .fq .bam .ubam .cram .sam .txt.
QString sequenceFileStem(QStringView fileName);
MateInfo mateFromFileName(QStringView fileName);

// Dropped files grouped into read sets: a pair (read 1 first) where the names say so, a single
// otherwise. Only FASTQ names are paired (HealthOmics takes two files for FASTQ only); files in
// different folders are never paired. Ambiguous names (two read-1 files for one read-2) are
// refused in `errors` and left out of `groups`; a read 1 or 2 without its mate becomes a
// single, with a note. Groups keep the order in which their first file was given.
struct ReadFileGroup
{
    QStringList files;
    bool paired() const noexcept { return files.size() == 2; }
};

struct ReadFileGrouping
{
    QList<ReadFileGroup> groups;
    QStringList errors; // translated sentences
    QStringList notes;  // translated sentences
    bool ok() const noexcept { return errors.isEmpty(); }
};

ReadFileGrouping groupReadFiles(const QStringList& paths);

} // namespace bge::seqformat
