// libFuzzer target: arbitrary bytes as a file on disk read back by the transfer engine: the
// upload journal, the download journal (<destination>.bgepart.json) and the transfer queue's
// transfers.json. A file may be truncated by a crash, damaged by a disk, or edited by hand:
// loading it must never crash, a refused file must say why (transfers.json), and whatever
// loads must survive its own save: save(load(x)) read back and saved again gives the very
// same bytes (nothing drifts from one start of the app to the next).
#include "transfer/downloadjournal.h"
#include "transfer/transferqueuestore.h"
#include "transfer/uploadjournal.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// In memory where there is a tmpfs: saving syncs to disk, which would slow the fuzzer tenfold.
const QTemporaryDir& scratch()
{
    static const QTemporaryDir dir(QFileInfo(u"/dev/shm"_s).isWritable() ? u"/dev/shm/bge-fuzz-XXXXXX"_s
                                                                        : QString());
    check(dir.isValid());
    return dir;
}

QString path(const char* name)
{
    return scratch().filePath(QString::fromLatin1(name));
}

void write(const QString& file, QByteArrayView bytes)
{
    QFile f(file);
    check(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    check(f.write(bytes.data(), bytes.size()) == bytes.size());
}

QByteArray read(const QString& file)
{
    QFile f(file);
    check(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

template <typename T> QByteArray saved(const T& value, const QString& file)
{
    QString error;
    check(value.save(file, &error));
    return read(file);
}

void uploadJournal(QByteArrayView bytes)
{
    const QString file = path("upload.json");
    write(file, bytes);
    const std::optional<UploadJournal> j = UploadJournal::load(file);
    if (!j)
        return;
    // What resume relies on.
    check(!j->sources.isEmpty() && !j->objectName.isEmpty() && !j->uploadId.isEmpty() && j->partSize > 0);
    for (const UploadJournal::Part& p : j->parts)
        check(p.number >= 1 && p.number <= 10000 && p.source >= 1 && p.source <= j->sources.size() &&
              !p.receipt.isEmpty() && p.size >= 0);
    const QByteArray first = saved(*j, file);
    const std::optional<UploadJournal> again = UploadJournal::load(file);
    check(again.has_value());
    check(again->sources.size() == j->sources.size() && again->parts.size() == j->parts.size());
    check(saved(*again, file) == first);
}

void downloadJournal(QByteArrayView bytes)
{
    const QString file = path("download.bgepart.json");
    write(file, bytes);
    const std::optional<DownloadJournal> j = DownloadJournal::load(file);
    if (!j)
        return;
    check(j->size >= -1);
    for (const int n : j->partsDone)
        check(n >= 1 && n <= 10000);
    const QByteArray first = saved(*j, file);
    const std::optional<DownloadJournal> again = DownloadJournal::load(file);
    check(again.has_value());
    check(again->objectName == j->objectName && again->size == j->size && again->crc64 == j->crc64 &&
          again->partSize == j->partSize && again->partsDone == j->partsDone);
    check(saved(*again, file) == first);
}

void transferList(QByteArrayView bytes)
{
    const QString file = path("transfers.json");
    write(file, bytes);
    QString error;
    const std::optional<TransferQueueState> state = TransferQueueState::load(file, &error);
    if (!state) {
        check(!error.isEmpty()); // the file exists: a refusal says why
        return;
    }
    check(error.isEmpty());
    // New ids count up from nextId: it must be able to, without wrapping to ids in use.
    check(state->nextId < std::numeric_limits<quint64>::max() / 2 &&
          state->nextBatch < std::numeric_limits<quint64>::max() / 2);
    for (const TransferItem& item : state->items) {
        check(item.id != 0 && item.id < state->nextId && item.batch < state->nextBatch);
        check(!item.localPath.isEmpty() && !item.name.isEmpty());
        check(item.size >= -1 && item.done >= 0 && (item.size < 0 || item.done <= item.size));
    }
    const QByteArray first = saved(*state, file);
    const std::optional<TransferQueueState> again = TransferQueueState::load(file, &error);
    check(again.has_value() && again->items.size() == state->items.size());
    check(again->nextId == state->nextId && again->nextBatch == state->nextBatch);
    check(saved(*again, file) == first);
}

} // namespace

// A refused journal is said in the log, thousands of times a second here: not printed.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    uploadJournal(bytes);
    downloadJournal(bytes);
    transferList(bytes);
    return 0;
}
