package com.mocktrading.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.history.TradeDocument;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.platform.dependency.DependencyCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeHistorySearchTest {

    private static final DependencyCalls CALLS =
            new DependencyCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults(), Set.of());
    private static final TradeSearchCriteria CRITERIA =
            new TradeSearchCriteria("alice", null, null, null, null, null, 2, null);

    @Test
    void asksForOneMoreThanThePageAndOffersACursorAfterTheLastShownTrade() {
        List<Integer> limits = new ArrayList<>();
        TradeHistorySearch search = new TradeHistorySearch(
                (criteria, limit) -> {
                    limits.add(limit);
                    return trades(3);
                },
                CALLS);

        TradePage page = search.search(CRITERIA);

        assertThat(limits).containsExactly(3);
        assertThat(page.trades()).extracting(TradeDocument::eventId).containsExactly("e-0", "e-1");
        assertThat(CursorCodec.decode(page.nextCursor(), CRITERIA.fingerprint()))
                .isEqualTo(new SearchCursor(Instant.parse("2026-11-23T23:59:59Z"), "e-1"));
    }

    @Test
    void endsWithoutACursorWhenNothingIsLeft() {
        assertThat(new TradeHistorySearch((criteria, limit) -> trades(2), CALLS)
                        .search(CRITERIA)
                        .nextCursor())
                .isNull();
        assertThat(new TradeHistorySearch((criteria, limit) -> trades(0), CALLS)
                        .search(CRITERIA)
                        .trades())
                .isEmpty();
    }

    private static List<TradeDocument> trades(int count) {
        List<TradeDocument> trades = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trades.add(new TradeDocument(
                    "e-" + i,
                    "o-" + i,
                    "alice",
                    "ACME",
                    Side.BUY,
                    1,
                    ExecutionStatus.EXECUTED,
                    "10.00",
                    100_000L,
                    Timestamps.format(Instant.parse("2026-11-24T00:00:00Z").minusSeconds(i)),
                    null,
                    "2026-11-24T00:00:01.000Z",
                    null));
        }
        return trades;
    }
}
