package com.mocktrading.query.history;

import com.mocktrading.core.history.TradeDocument;
import com.mocktrading.platform.dependency.Dependency;
import com.mocktrading.platform.dependency.DependencyCalls;
import java.util.List;

/**
 * Pages through a user's trade history. One trade more than the page is fetched, so that the last page says
 * so ({@code nextCursor} null) instead of sending the client after an empty one.
 */
public class TradeHistorySearch {

    private final TradeStore store;
    private final DependencyCalls calls;

    public TradeHistorySearch(TradeStore store, DependencyCalls calls) {
        this.store = store;
        this.calls = calls;
    }

    public TradePage search(TradeSearchCriteria criteria) {
        List<TradeDocument> found =
                calls.read(Dependency.ELASTICSEARCH, () -> store.search(criteria, criteria.size() + 1));
        if (found.size() <= criteria.size()) {
            return new TradePage(found, null);
        }
        List<TradeDocument> page = found.subList(0, criteria.size());
        TradeDocument last = page.get(page.size() - 1);
        return new TradePage(
                page, CursorCodec.encode(new SearchCursor(last.executedAt(), last.eventId()), criteria.fingerprint()));
    }
}
