// readsetqueuechild: one read-set upload in a TransferQueue, in a process of its own, for
// tst_readsetqueue to kill with SIGKILL (no destructor, no last save) at a moment it picks and
// then resume in the test process from what this process left on disk.
//
//   readsetqueuechild <dir> <settings.ini> <account> <store> <name> <part size> <save delay ms>
//                     <accounts delay ms> <R1> [<R2>]
//
// The queue runs with the settings the suite's own queues use for `dir` (state file, journal
// folder, part size, parallelism 2); the account comes from the suite's QSettings file, its
// secret from BGE_TEST_OMICS_SECRET into an in-memory credential store (the suite's keychain
// is in memory too, so a child cannot share it; the environment of a test child is the
// simplest honest carrier, and the secret is never printed). With an accounts delay the queue
// gets its accounts that long after the item is queued (as the app's queue may exist before
// its accounts): until then the item waits, saved, and nothing is sent.
//
// Prints "journal <file>" and "record <file>" (where the upload's journal and commit-point
// record will be), "state <key> <done>" on every change of the item's state, and
// "finished <key>" once the item is Completed or Failed, then exits (0 for Completed).
#include "credentials/memorycredentialstore.h"
#include "omics/omicsaccount.h"
#include "omics/omicsconnections.h"
#include "omics/readsetuploadjob.h"
#include "transfer/transferqueue.h"
#include "transfer/transfertask.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace bge;
using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() < 9 || args.size() > 10) {
        err << "usage: readsetqueuechild <dir> <settings.ini> <account> <store> <name> <part size> "
               "<save delay ms> <accounts delay ms> <R1> [<R2>]"
            << Qt::endl;
        return 2;
    }
    const QString dir = args.at(0);
    const QString account = args.at(2);
    const QString secret = qEnvironmentVariable("BGE_TEST_OMICS_SECRET");
    if (secret.isEmpty()) {
        err << "BGE_TEST_OMICS_SECRET is not set" << Qt::endl;
        return 2;
    }

    QSettings settings(args.at(1), QSettings::IniFormat);
    MemoryCredentialStore keychain;
    QNetworkAccessManager network;
    omics::OmicsConnections connections(&settings, &keychain, &network);

    // The same settings as tst_readsetqueue's queues for `dir`.
    TransferQueueSettings s;
    s.stateFile = dir + u"/state/transfers.json"_s;
    s.tickIntervalMs = 100;
    s.saveDelayMs = args.at(6).toInt();
    s.upload.journalDirectory = dir + u"/journals"_s;
    s.readSetUpload.partSize = args.at(5).toLongLong();
    s.readSetUpload.parallelism = 2;
    s.readSetUpload.pollIntervalMs = 300;
    s.readSetDownload.parallelism = 2;
    const int accountsDelayMs = args.at(7).toInt();
    s.omics = accountsDelayMs > 0 ? nullptr : &connections;

    omics::ReadSetUploadOptions o;
    o.storeId = args.at(3);
    o.files = args.mid(8);
    o.fileType = u"FASTQ"_s;
    o.subjectId = u"NA12878"_s;
    o.sampleId = u"NA12878-S1"_s;
    o.name = args.at(4);
    o.description = u"queued from the test"_s;
    o.generatedFrom = u"tst_readsetqueue"_s;

    std::unique_ptr<TransferQueue> queue;
    TransferState last = TransferState::Queued;
    bool reported = false;
    const auto report = [&] {
        if (!queue || queue->count() != 1)
            return;
        const TransferItem& item = queue->at(0);
        if (reported && item.state == last)
            return;
        reported = true;
        last = item.state;
        out << "state " << transferStateKey(item.state) << ' ' << item.done << Qt::endl;
        if (item.state == TransferState::Completed || item.state == TransferState::Failed) {
            out << "finished " << transferStateKey(item.state) << Qt::endl;
            if (item.state == TransferState::Failed)
                err << item.error << Qt::endl;
            app.exit(item.state == TransferState::Completed ? 0 : 1);
        }
    };
    // The secret is in the store before the queue asks for a connection.
    keychain.write(omics::OmicsAccount::secretKeyName(account), secret, &app,
                   [&](const CredentialStore::Outcome& outcome) {
                       if (outcome.status != CredentialStore::Status::Ok) {
                           err << "cannot store the secret" << Qt::endl;
                           app.exit(2);
                           return;
                       }
                       queue = std::make_unique<TransferQueue>(nullptr, nullptr, s);
                       QObject::connect(queue.get(), &TransferQueue::itemsChanged, &app, report);
                       if (queue->count() != 0) {
                           err << "the state file already holds items" << Qt::endl;
                           app.exit(2);
                           return;
                       }
                       queue->addReadSetUploads(account, {o});
                       const omics::ReadSetUploadOptions used =
                           TransferTask::readSetUploadOptions(queue->environment(), queue->at(0));
                       out << "journal " << omics::ReadSetUploadJob::journalFileFor(used) << Qt::endl;
                       out << "record " << omics::ReadSetUploadJob::recordFileFor(used) << Qt::endl;
                       report();
                       if (accountsDelayMs > 0) {
                           QTimer::singleShot(accountsDelayMs, queue.get(),
                                              [&] { queue->setOmicsConnections(&connections); });
                       }
                   });
    return app.exec();
}
