package com.mocktrading.query.history;

import com.mocktrading.core.history.TradeDocument;
import java.util.List;

/** Where the trade history is kept (Elasticsearch in this system). */
public interface TradeStore {

    /**
     * Up to {@code limit} trades matching every filter of {@code criteria}, newest first (execution time
     * descending, then event id descending), strictly after {@code criteria.after()} when it is set.
     */
    List<TradeDocument> search(TradeSearchCriteria criteria, int limit);
}
