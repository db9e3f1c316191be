#pragma once

#include "api/apierror.h"

#include <QString>

#include <functional>

class QObject;

namespace bge {

class OssUploadConnection;

// Whether the object at an upload's key is the file being uploaded: a HEAD gives the object's
// size and x-oss-hash-crc64ecma, and only an object of the file's size costs reading the file
// for its CRC-64. This is how an upload tells its own object (stored by an attempt whose reply
// was lost, or by an earlier run killed before it could say so) from somebody else's: equal
// size and CRC-64 is the same bytes for any purpose but an attack on CRC-64, which a name
// clash within one's own destination is not.
struct ObjectMatch
{
    enum class Verdict { Absent, Same, Different };
    Verdict verdict = Verdict::Absent;
    quint64 crc64 = 0; // the file's, when Same
    QString etag;      // the object's, when Same or Different

    using Done = std::function<void(const ApiError& error, const ObjectMatch& match)>;
    // Answers on `context` (not at all once it is gone); an error for a HEAD that failed other
    // than with 404, or a file that cannot be read.
    static void check(OssUploadConnection* connection, const QString& filePath, qint64 fileSize, QObject* context,
                      Done done);
};

} // namespace bge
