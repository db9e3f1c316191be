#include "output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define BGE_ISATTY _isatty
#define BGE_FILENO _fileno
#else
#include <unistd.h>
#define BGE_ISATTY isatty
#define BGE_FILENO fileno
#endif

namespace bge::cli {

namespace {

void write(std::FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void printOut(const QString& text)
{
    write(stdout, text);
}

void printErr(const QString& text)
{
    write(stderr, text);
}

void printJson(const QJsonValue& value)
{
    QByteArray bytes;
    if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    else if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else {
        // QJsonDocument holds only objects and arrays: wrap a scalar and cut the brackets off.
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        bytes = wrapped.mid(1, wrapped.size() - 2) + '\n';
    }
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

bool stdoutIsTerminal()
{
    return BGE_ISATTY(BGE_FILENO(stdout)) != 0;
}

} // namespace bge::cli
