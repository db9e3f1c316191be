#pragma once

#include <QString>
#include <QStringList>

namespace bge::seqformat {

// What the upload dialog and `bge omics upload` propose from a read set's file names; the
// person (or the command line's options) decides. Every value fits HealthOmics' rules
// (1–127 characters, no control characters) or is empty when nothing usable is left.
struct ReadSetNameSuggestion
{
    QString name;      // the stem without mate token, chunk and suffixes: NA12878_S1_L001
    QString sampleId;  // Illumina's sample part before _S<n>_: NA12878
    QString subjectId; // the sample by default: one subject per sample is the common case
};

// `files`: the read set's files, read 1 first (only the first is looked at).
ReadSetNameSuggestion suggestReadSetNames(const QStringList& files);

// Drops control characters and cuts to 127 characters (never inside a surrogate pair).
QString fitOmicsName(const QString& text);

} // namespace bge::seqformat
