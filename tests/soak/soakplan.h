#pragma once

// What each run of the fault soak does, drawn from one master seed: the file's size, which
// client moves it and with which options. Run i's seed is the i-th number of the master
// generator, so that a single run can be replayed alone (BGE_SOAK_ONLY) with what it did in
// the series.
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace bge::test::soak {

enum class Client
{
    BgeUpload,   // `bge upload` into the faulty sandbox
    BgeDownload, // `bge download` from the faulty sandbox of an object stored cleanly
    Desktop,     // `bge-desktop` resuming its saved queue: one upload and one download
};

QString clientName(Client client);

struct RunPlan
{
    int index = 0;
    quint32 seed = 0;
    qint64 size = 0;       // the file uploaded, or downloaded (bge download)
    qint64 secondSize = 0; // the desktop's download (its upload is `size`)
    Client client = Client::BgeUpload;
    QStringList options; // `bge upload` options of the run (--jobs, --part-size)
};

RunPlan planRun(quint32 masterSeed, int index);

// Weighted to small and medium files, with some over bge's multipart threshold (100 MiB) and
// a few of 200-400 MiB, so that 50 runs take about half an hour on a shared 2-core machine.
qint64 drawSize(QRandomGenerator& r);

// When to kill one attempt, as a fraction of its expected length (deterministic for a seed;
// the moment it lands on depends on the machine's speed, which no seed can fix).
struct KillPlan
{
    bool kill = false;
    bool atComplete = false; // uploads: when the journal says CompleteMultipartUpload is leaving
    double fraction = 0;     // of the expected length
};
// The first attempts are killed often, later ones less, the last never.
KillPlan drawKill(QRandomGenerator& r, int attempt, int maxAttempts);

} // namespace bge::test::soak
