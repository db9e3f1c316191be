#pragma once

#include "omicserror.h"

#include <QJsonArray>
#include <QString>

#include <optional>

namespace bge::sandbox::omics {

// One page of a List answer and its nextToken.
struct Page
{
    QJsonArray items;
    QString nextToken; // empty on the last page
};

// Pages `items` (already in their final order). Tokens are opaque base64 that always holds
// '+', '/' and '=' (sandbox convention: so that a client that forgets to percent-encode the
// query fails at once, as it would against the service's tokens), and they are bound to the
// list and its filter: a token from another list or filter is refused.
std::optional<Page> page(const QJsonArray& items, const QString& list, const QByteArray& filterFingerprint,
                         qint64 maxResults, const QString& nextToken, bool hasNextToken, OmicsError* error);

} // namespace bge::sandbox::omics
