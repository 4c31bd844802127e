package com.mocktrading.query.history.web;

import com.mocktrading.core.history.TradeDocument;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.query.history.TradePage;
import java.util.List;

/** The contract's body of {@code GET /trades/search}; absent values are explicit nulls. */
record TradeSearchResponse(List<TradeView> trades, String nextCursor) {

    static TradeSearchResponse of(TradePage page) {
        return new TradeSearchResponse(page.trades().stream().map(TradeView::of).toList(), page.nextCursor());
    }

    /** Prices as plain decimal strings, timestamps as ISO-8601 UTC with milliseconds. */
    record TradeView(
            String eventId,
            String orderId,
            String userId,
            String symbol,
            String side,
            long quantity,
            String status,
            String executionPrice,
            String executionTimestamp,
            String failureReason) {

        static TradeView of(TradeDocument trade) {
            return new TradeView(
                    trade.eventId(),
                    trade.orderId(),
                    trade.userId(),
                    trade.symbol(),
                    trade.side().name(),
                    trade.quantity(),
                    trade.status().name(),
                    trade.price() == null ? null : Money.formatPrice(trade.price()),
                    Timestamps.format(trade.executedAt()),
                    trade.failureReason());
        }
    }
}
