#pragma once

#include "omicstime.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace bge::sandbox::omics {

struct DemoStore
{
    QString id;
    QString name;
    QString description;
    Micros created = 0;
};

struct DemoReadSet
{
    QString storeId;
    QString id;
    QString name;
    QString description;
    QString subjectId;
    QString sampleId;
    QString generatedFrom;
    QString fileType;     // FASTQ, BAM, CRAM, UBAM
    QString referenceArn; // BAM and CRAM only
    bool paired = false;  // FASTQ with a SOURCE2
    Micros created = 0;
    int reads = 0;
};

struct DemoSource
{
    QString uri;
    QString fileType;
    QString key; // the object's key in the emulator's bucket
};

// Everything the emulator starts with, deterministic from --seed: the account, its key pair,
// two sequence stores, a reference, the read sets, the import role and the S3 objects it can
// import from. Cheap to compute (no bytes), so --describe needs no data directory.
struct OmicsDemo
{
    QString region = QStringLiteral("us-east-1");
    QString accessKeyId;
    QString secretAccessKey;
    QString accountId;
    QString referenceArn;
    QString importRoleArn;
    QString bucket;
    QList<DemoStore> stores;
    QList<DemoReadSet> readSets;
    QList<DemoSource> sources;
    quint64 seed = 0;

    static OmicsDemo generate(quint64 seed);
    QString storeArn(const QString& storeId) const;
    QString readSetArn(const QString& storeId, const QString& readSetId) const;

    // The bytes of a demo read set's file (1 = SOURCE1, 2 = SOURCE2) and of an import source.
    QByteArray readSetBytes(const DemoReadSet& readSet, int source) const;
    QByteArray sourceBytes(const DemoSource& source) const;
};

} // namespace bge::sandbox::omics
