package com.mocktrading.query.history;

import com.mocktrading.core.history.TradeDocument;
import java.util.List;

/**
 * One page of a user's history, newest first.
 *
 * @param nextCursor the opaque cursor of the next page, or null when this is the last one
 */
public record TradePage(List<TradeDocument> trades, String nextCursor) {

    public TradePage {
        trades = List.copyOf(trades);
    }
}
