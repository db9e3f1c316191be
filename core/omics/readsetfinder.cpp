#include "readsetfinder.h"

#include "omicsapi.h"
#include "omicsconnection.h"

using namespace Qt::StringLiterals;

namespace bge::omics {

ReadSetFinder::ReadSetFinder(OmicsConnection* connection, ReadSetLookup lookup, QObject* parent)
    : Job<QStringList>(parent), m_connection(connection), m_lookup(std::move(lookup)),
      m_context(std::make_unique<QObject>())
{
}

ReadSetFinder::~ReadSetFinder() = default;

void ReadSetFinder::doStart()
{
    listPage({}, {});
}

void ReadSetFinder::doAbort()
{
    m_context = std::make_unique<QObject>(); // mutes every answer still to come
}

void ReadSetFinder::listPage(const QString& token, QStringList found)
{
    if (!m_connection) {
        complete(ApiError::cancelled());
        return;
    }
    ReadSetFilter filter;
    filter.name = m_lookup.name;
    filter.sampleId = m_lookup.sampleId;
    filter.subjectId = m_lookup.subjectId;
    filter.creationType = u"UPLOAD"_s;
    // A second of slack: the service may keep creation times finer than it prints them.
    if (m_lookup.createdAfter.isValid())
        filter.createdAfter = m_lookup.createdAfter.addSecs(-1);
    ListOptions options;
    options.maxResults = 100;
    options.nextToken = token;
    OmicsApi(m_connection)
        .listReadSets(m_lookup.storeId, filter, options)
        ->run(m_context.get(), [this, token, found](const Result<OmicsPage<ReadSetListItem>>& r) mutable {
            if (!r) {
                complete(r.error());
                return;
            }
            for (const ReadSetListItem& item : r.value().items) {
                // One being deleted is not one to follow (the way out of several lookalikes).
                if (item.status != u"DELETING"_s && item.status != u"DELETED"_s)
                    found.append(item.id);
            }
            const QString next = r.value().nextToken;
            if (!next.isEmpty() && next != token)
                listPage(next, found);
            else
                match(found, {});
        });
}

void ReadSetFinder::match(QStringList left, QStringList matched)
{
    if (left.isEmpty()) {
        succeed(matched);
        return;
    }
    if (!m_connection) {
        complete(ApiError::cancelled());
        return;
    }
    const QString id = left.takeFirst();
    OmicsApi(m_connection)
        .readSetMetadata(m_lookup.storeId, id)
        ->run(m_context.get(), [this, id, left, matched](const Result<ReadSetMetadata>& r) mutable {
            if (!r) {
                if (r.error().serviceCode() != u"ResourceNotFoundException"_s) {
                    complete(r.error());
                    return;
                }
                // Deleted meanwhile: not one to follow.
            } else {
                bool same = true;
                for (qsizetype i = 0; i < 2; ++i) {
                    const std::optional<ReadSetFileInfo> f = r.value().file(i == 0 ? u"SOURCE1" : u"SOURCE2");
                    same = same && (i < m_lookup.sizes.size() ? f && f->contentLength == m_lookup.sizes.at(i) : !f);
                }
                if (same)
                    matched.append(id);
            }
            match(left, matched);
        });
}

} // namespace bge::omics
