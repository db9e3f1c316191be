#include "omicsrequest.h"

#include "aws/sigv4.h"

namespace bge::omics {

QString OmicsRequest::describe() const
{
    return operationName(operation) + u' ' + QString::fromLatin1(path);
}

QByteArray OmicsRequest::encodedQuery() const
{
    QByteArray text;
    for (const auto& [name, value] : query) {
        if (!text.isEmpty())
            text += '&';
        text += aws::SigV4::uriEncode(name) + '=' + aws::SigV4::uriEncode(value);
    }
    return text;
}

} // namespace bge::omics
