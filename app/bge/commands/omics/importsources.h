#pragma once

#include "omics/omicsinputs.h"

#include <QStringList>

namespace bge::cli {

// "FASTQ:NA12878:NA12878-1:s3://bucket/r1.fq.gz,s3://bucket/r2.fq.gz" → one import source. The
// first three ':' separate type, subject and sample (so those cannot hold a ':'); the rest is
// one or two S3 URIs separated by ','. False with a translated reason.
bool parseImportSources(const QStringList& specs, QList<omics::ImportSourceInput>* out, QString* problem);
// A JSON file with StartReadSetImportJob's members ({"roleArn"?, "sources": […]}) or just the
// sources array. False with a translated reason naming the file and the member.
bool readImportManifest(const QString& path, omics::StartImportInput* out, QString* problem);
// Gives BAM and CRAM sources without a reference `referenceArn` (when not empty).
void applyDefaultReference(QList<omics::ImportSourceInput>* sources, const QString& referenceArn);

} // namespace bge::cli
