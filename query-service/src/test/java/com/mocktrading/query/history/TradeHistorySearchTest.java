package com.mocktrading.query.history;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(page.trades()).extracting(Trade::eventId).containsExactly("e-0", "e-1");
        assertThat(CursorCodec.decode(page.nextCursor(), CRITERIA.fingerprint()))
                .isEqualTo(page.trades().get(1).position());
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

    private static List<Trade> trades(int count) {
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trades.add(new Trade(
                    "e-" + i,
                    "o-" + i,
                    "alice",
                    "ACME",
                    "BUY",
                    1,
                    "EXECUTED",
                    null,
                    Instant.parse("2026-11-24T00:00:00Z").minusSeconds(i),
                    null));
        }
        return trades;
    }
}
