#pragma once

#include "api/paging.h"
#include "common/pendingjob.h"

#include <functional>

namespace bge::ui {

// The pages of one query, fetched one after the other on demand ("Load more"). Remembers
// where the next page starts, whatever the platform pages by (numbers for taxa, an opaque
// cursor for functions and genes), and never runs two fetches at once.
template <typename T> class PagedLoader final
{
public:
    using Fetch = std::function<Job<Page<T>>*(const PageToken& page)>;
    using Handler = std::function<void(const Result<Page<T>>&)>;

    // A new query: what was loading is dropped, the next fetch asks for the first page.
    void reset(Fetch fetch = {})
    {
        m_job.abort();
        m_fetch = std::move(fetch);
        m_next = PageToken();
        m_hasMore = bool(m_fetch);
        m_pagesLoaded = 0;
    }

    bool hasMore() const { return m_hasMore; }
    bool isFetching() const { return m_job.isRunning(); }
    bool canFetchMore() const { return m_hasMore && !isFetching(); }
    int pagesLoaded() const { return m_pagesLoaded; }
    bool isStarted() const { return m_pagesLoaded > 0 || isFetching(); }

    // Fetches the next page; `handler` runs on `context` with it. A failed page can be asked
    // for again: the position only moves on success.
    void fetchMore(QObject* context, Handler handler)
    {
        if (!canFetchMore())
            return;
        m_job.run<Page<T>>(m_fetch(m_next), context,
                           [this, handler = std::move(handler)](const Result<Page<T>>& page) {
                               if (page) {
                                   ++m_pagesLoaded;
                                   m_hasMore = page->hasNext();
                                   if (m_hasMore)
                                       m_next = *page->next;
                               }
                               handler(page);
                           });
    }

    void abort() { m_job.abort(); }

private:
    PendingJob m_job;
    Fetch m_fetch;
    PageToken m_next;
    bool m_hasMore = false;
    int m_pagesLoaded = 0;
};

} // namespace bge::ui
