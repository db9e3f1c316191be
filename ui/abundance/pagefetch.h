#pragma once

#include "pagedloader.h"
#include "pagedtablesection.h"

#include "common/errorbanner.h"

namespace bge::ui {

// One "Load more" of an abundance tab: the next page of `loader` appended to `model`, with
// the button off while it loads, the count in the status line, and a failure in the banner
// with `retry`. `afterPage` runs after a page was added (e.g. to redraw a chart).
template <typename T, typename Model>
void fetchNextPage(PagedLoader<T>& loader, Model* model, PagedTableSection* section, QObject* context,
                   std::function<void()> retry, std::function<void()> afterPage = {})
{
    if (!loader.canFetchMore())
        return;
    section->banner()->clear();
    section->setPaging(true, true);
    loader.fetchMore(context, [&loader, model, section, retry = std::move(retry),
                               afterPage = std::move(afterPage)](const Result<Page<T>>& page) {
        section->setPaging(false, loader.hasMore());
        if (!page) {
            section->banner()->showError(page.error(), retry);
            return;
        }
        model->append(page->items);
        section->showLoaded(model->rowCount(), page->total, loader.hasMore());
        if (afterPage)
            afterPage();
    });
}

} // namespace bge::ui
