#pragma once

#include "omics/omicsinputs.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace bge::ui {

// What StartReadSetImportJob would refuse, found before anything is sent, in sentences a person
// can act on (translated). The model's rules (reference §2.12) and the service's: a reference
// for BAM and CRAM, a second file for FASTQ only, S3 URIs of the form s3://bucket/key.
QStringList importSourceProblems(const omics::ImportSourceInput& source);
QString importRoleProblem(const QString& roleArn);

// A manifest file: StartReadSetImportJob's `sources` array, or the whole request
// ({"roleArn": …, "sources": […]}). Member names as on the wire (sourceFiles.source1, …).
struct ImportManifest
{
    QString roleArn; // empty when the file is only the sources
    QList<omics::ImportSourceInput> sources;
    QString error; // translated; set when the file cannot be used
};

ImportManifest parseImportManifest(const QByteArray& json);

} // namespace bge::ui
