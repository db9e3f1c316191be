#pragma once

#include "omicsoperation.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>

class QIODevice;
class QObject;

namespace bge::omics {

// One HealthOmics request as the API builds it, before endpoint, credentials and signature.
struct OmicsRequest
{
    using BodyFactory = std::function<QIODevice*(QObject* parent)>;

    Operation operation = Operation::ListSequenceStores;
    QByteArray path;                            // percent-encoded: "/sequencestore/1234567890/readsets"
    QList<QPair<QByteArray, QByteArray>> query; // decoded names and values (nextToken encoded when sent)
    QByteArray jsonBody;                        // operations with a JSON body (operationInfo().jsonBody)
    // UploadReadSetPart: a fresh open device positioned at the part's first byte, for every
    // attempt (a retry must resend from the start), and its exact length (Content-Length;
    // the service requires it, no chunked encoding).
    BodyFactory rawBody;
    qint64 rawLength = -1;
    // Larger answers fail as Malformed instead of filling memory; GetReadSet raises it.
    qint64 maxResponseBytes = 16 * 1024 * 1024;

    // "ListReadSets /sequencestore/1234567890/readsets", for errors and the log (no query:
    // a nextToken is opaque and may be long).
    QString describe() const;
    // The query as sent: RFC 3986 encoding of names and values, in the order given.
    QByteArray encodedQuery() const;
};

} // namespace bge::omics
