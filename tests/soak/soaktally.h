#pragma once

// The soak's figures: what happened per client, what the faulty sandbox logged, and how each
// run ended. Printed as the summary docs/reliability.md takes its table from.
#include "soakplan.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace bge::test::soak {

struct ClientFigures
{
    int runs = 0;
    int processes = 0; // starts of the program
    int kills = 0;     // SIGKILLs by the plan
    int killsAtComplete = 0;
    int timeouts = 0;  // stopped after running past the bound (a stall)
    int retries = 0;   // desktop: failed items put back in the queue, as Retry does
};

enum class Ending
{
    Verified,   // every object and file read back byte for byte
    ClearError, // no success within the attempts, with an error message: not lost
    Stuck,      // a rerun refused on its own object (409): a defect
    Damaged,    // a wrong byte
    Lost,       // reported done, but the object or file is missing
};

// What the faulty sandbox's log says happened, counted from its lines.
struct SandboxFigures
{
    qint64 ossRequests = 0;
    qint64 oss503 = 0;         // error-rate answers (the sandbox answers 503 for nothing else)
    qint64 lostReplies = 0;    // "oss: fault: lost the reply"
    qint64 flippedBits = 0;    // "oss: fault: flipped a bit"
    qint64 apiRequests = 0;
    qint64 api5xx = 0;
    qint64 apiFaultAnswers = 0; // "api: fault: 50x for …" (--api-faults error-rate)
    qint64 apiFaultDrops = 0;   // "api: fault: dropped the connection" (--api-faults drop-rate)
    qint64 tokenGrants = 0;    // POST /oauth2/access_token answered 200: first tokens and renewals
    qint64 stsGrants = 0;      // POST /sts/token answered 200
    static SandboxFigures fromLog(const QString& log);
};

struct Tally
{
    QMap<Client, ClientFigures> clients;
    QMap<Ending, int> endings;
    qint64 bytes = 0; // of every file moved (uploads and downloads)
    int journalsLeft = 0; // upload journals left behind by runs that ended well
    QStringList failures;

    QStringList summary(quint32 seed, const SandboxFigures& sandbox, qint64 wallMs) const;
};

QString endingName(Ending ending);

} // namespace bge::test::soak
