package com.mocktrading.query.history.web;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static com.mocktrading.query.support.QueryHttp.json;
import static com.mocktrading.query.support.QueryHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.platform.TestTokens;
import com.mocktrading.query.support.AgainstRealStores;
import com.mocktrading.query.support.RealStores;
import com.mocktrading.query.support.Trades;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TradeSearchIntegrationTest extends AgainstRealStores {

    @Test
    void listsOnlyTheCallersTradesNewestFirstAcrossMonthlyIndices() throws Exception {
        // Given trades of the caller on both sides of a month boundary (two monthly indices), and another user's
        String caller = Trades.newUserId();
        String other = Trades.newUserId();
        String symbol = Trades.newSymbol('H');
        EventEnvelope<TradeExecutedPayload> october =
                Trades.executed(caller, symbol, Side.BUY, 3, "123.4567", Instant.parse("2026-10-31T23:59:59.999Z"));
        EventEnvelope<TradeExecutedPayload> november = Trades.failed(
                caller,
                symbol,
                Side.SELL,
                5,
                ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
                Instant.parse("2026-11-01T00:00:00.000Z"),
                "holdings 0 < 5");
        EventEnvelope<TradeExecutedPayload> later =
                Trades.executed(caller, symbol, Side.SELL, 1, "10.5", Instant.parse("2026-11-02T08:00:00.120Z"));
        RealStores.index(List.of(
                october,
                november,
                later,
                Trades.executed(other, symbol, Side.BUY, 7, "1.00", Instant.parse("2026-11-01T00:00:00.001Z"))));

        // When the caller searches without filters
        HttpResponse<String> response = search(caller, params());

        // Then only the caller's trades come back, newest first, in the contract's shape, and there is no next page
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response.body()))
                .isEqualTo(json(
                        """
                        {"trades":[
                          {"eventId":"%s","orderId":"%s","userId":"%s","symbol":"%s","side":"SELL","quantity":1,
                           "status":"EXECUTED","executionPrice":"10.50","executionTimestamp":"2026-11-02T08:00:00.120Z",
                           "failureReason":null},
                          {"eventId":"%s","orderId":"%s","userId":"%3$s","symbol":"%4$s","side":"SELL","quantity":5,
                           "status":"FAILED_INSUFFICIENT_HOLDINGS","executionPrice":null,
                           "executionTimestamp":"2026-11-01T00:00:00.000Z","failureReason":"holdings 0 < 5"},
                          {"eventId":"%s","orderId":"%s","userId":"%3$s","symbol":"%4$s","side":"BUY","quantity":3,
                           "status":"EXECUTED","executionPrice":"123.4567","executionTimestamp":"2026-10-31T23:59:59.999Z",
                           "failureReason":null}],
                         "nextCursor":null}
                        """
                                .formatted(
                                        later.eventId(),
                                        later.payload().orderId(),
                                        caller,
                                        symbol,
                                        november.eventId(),
                                        november.payload().orderId(),
                                        october.eventId(),
                                        october.payload().orderId())));
        assertThat(response.body()).startsWith("{\"trades\":[{\"eventId\":");
    }

    @Test
    void filtersBySymbolSideStatusAndAHalfOpenTimeRange() throws Exception {
        // Given a mixed history
        String user = Trades.newUserId();
        String acme = Trades.newSymbol('A');
        String bolt = Trades.newSymbol('B');
        Instant t0 = Instant.parse("2026-11-10T10:00:00.000Z");
        EventEnvelope<TradeExecutedPayload> acmeBuy = Trades.executed(user, acme, Side.BUY, 1, "10", t0);
        EventEnvelope<TradeExecutedPayload> acmeSell =
                Trades.executed(user, acme, Side.SELL, 2, "11", t0.plusSeconds(60));
        EventEnvelope<TradeExecutedPayload> acmeFailed = Trades.failed(
                user, acme, Side.BUY, 3, ExecutionStatus.FAILED_INSUFFICIENT_FUNDS, t0.plusSeconds(120), "cash");
        EventEnvelope<TradeExecutedPayload> boltBuy =
                Trades.executed(user, bolt, Side.BUY, 4, "12", t0.plusSeconds(180));
        RealStores.index(List.of(acmeBuy, acmeSell, acmeFailed, boltBuy));

        // Then each filter narrows the history exactly
        assertThat(eventIds(user, params("symbol", acme)))
                .containsExactly(acmeFailed.eventId(), acmeSell.eventId(), acmeBuy.eventId());
        assertThat(eventIds(user, params("side", "SELL"))).containsExactly(acmeSell.eventId());
        assertThat(eventIds(user, params("status", "FAILED_INSUFFICIENT_FUNDS")))
                .containsExactly(acmeFailed.eventId());
        assertThat(eventIds(user, params("status", "EXECUTED", "side", "BUY")))
                .containsExactly(boltBuy.eventId(), acmeBuy.eventId());
        // And from is inclusive, to exclusive, to the millisecond
        assertThat(eventIds(user, params("from", "2026-11-10T10:01:00.000Z", "to", "2026-11-10T10:03:00.000Z")))
                .containsExactly(acmeFailed.eventId(), acmeSell.eventId());
        assertThat(eventIds(user, params("from", "2026-11-10T10:01:00.001Z", "to", "2026-11-10T10:03:00.001Z")))
                .containsExactly(boltBuy.eventId(), acmeFailed.eventId());
        assertThat(eventIds(user, params("symbol", bolt, "side", "SELL"))).isEmpty();
    }

    @Test
    void walksALongHistoryPageByPageExactlyOnce() throws Exception {
        // Given 230 trades, three at each timestamp (so the event id decides their order)
        String user = Trades.newUserId();
        List<EventEnvelope<TradeExecutedPayload>> seeded = history(user, 230, Instant.parse("2026-09-01T00:00:00Z"));
        RealStores.index(seeded);

        // When the caller pages through it 50 at a time
        List<JsonNode> pages = walk(user, params("size", "50"));

        // Then there are 5 pages (the last one short and without a cursor) holding every trade once, in order
        assertThat(pages).extracting(page -> page.path("trades").size()).containsExactly(50, 50, 50, 50, 30);
        assertThat(pages.get(4).path("nextCursor").isNull()).isTrue();
        List<JsonNode> trades = trades(pages);
        assertThat(trades)
                .extracting(trade -> trade.path("eventId").asString())
                .containsExactlyInAnyOrderElementsOf(
                        seeded.stream().map(EventEnvelope::eventId).toList())
                .doesNotHaveDuplicates();
        assertNewestFirst(trades);
    }

    @Test
    void pagingNeitherRepeatsNorSkipsWhileNewTradesArrive() throws Exception {
        // Given a history of 230 trades, and its first page
        String user = Trades.newUserId();
        List<EventEnvelope<TradeExecutedPayload>> seeded = history(user, 230, Instant.parse("2026-08-01T00:00:00Z"));
        RealStores.index(seeded);
        List<JsonNode> pages = new ArrayList<>();
        pages.add(json(search(user, params("size", "50")).body()));

        // When trades keep arriving while the rest is paged through: newer ones, and late ones older than all
        List<String> arrived = new CopyOnWriteArrayList<>();
        AtomicBoolean walking = new AtomicBoolean(true);
        CountDownLatch firstArrival = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            Instant newest = Instant.parse("2026-08-20T00:00:00Z");
            Instant oldest = Instant.parse("2026-07-20T00:00:00Z");
            try {
                while (walking.get()) {
                    newest = newest.plusSeconds(1);
                    oldest = oldest.minusSeconds(1);
                    List<EventEnvelope<TradeExecutedPayload>> arriving = List.of(
                            Trades.executed(user, "NEW", Side.BUY, 1, "1", newest),
                            Trades.executed(user, "LATE", Side.BUY, 1, "1", oldest));
                    RealStores.index(arriving);
                    arriving.forEach(event -> arrived.add(event.eventId()));
                    firstArrival.countDown();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertThat(firstArrival.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            while (!pages.get(pages.size() - 1).path("nextCursor").isNull()) {
                String cursor = pages.get(pages.size() - 1).path("nextCursor").asString();
                HttpResponse<String> response = search(user, params("size", "50", "cursor", cursor));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                pages.add(json(response.body()));
            }
        } finally {
            walking.set(false);
            writer.join(30_000);
        }

        // Then every seeded trade was seen exactly once, in order; newer arrivals never (they sort before the
        // cursor), late ones at most once each
        List<JsonNode> trades = trades(pages);
        List<String> seen =
                trades.stream().map(trade -> trade.path("eventId").asString()).toList();
        assertThat(arrived).hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(id -> !arrived.contains(id)))
                .containsExactlyInAnyOrderElementsOf(
                        seeded.stream().map(EventEnvelope::eventId).toList());
        assertThat(trades).noneMatch(trade -> trade.path("symbol").asString().equals("NEW"));
        assertNewestFirst(trades);
    }

    @Test
    void refusesToSearchAnotherUsersTrades() throws Exception {
        String caller = Trades.newUserId();

        assertProblem(search(caller, params("userId", Trades.newUserId())), 403, "FORBIDDEN");
        assertThat(search(caller, params("userId", caller)).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesACursorIssuedForOtherFilters() throws Exception {
        // Given a first page of one symbol's trades
        String user = Trades.newUserId();
        String symbol = Trades.newSymbol('C');
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        RealStores.index(List.of(
                Trades.executed(user, symbol, Side.BUY, 1, "1", at),
                Trades.executed(user, symbol, Side.BUY, 1, "1", at.plusSeconds(1)),
                Trades.executed(user, symbol, Side.BUY, 1, "1", at.plusSeconds(2))));
        String cursor = json(search(user, params("symbol", symbol, "size", "1")).body())
                .path("nextCursor")
                .asString();

        // Then it continues that search (with any page size) but no other
        assertThat(search(user, params("symbol", symbol, "size", "2", "cursor", cursor))
                        .statusCode())
                .isEqualTo(200);
        JsonNode problem =
                assertProblem(search(user, params("symbol", "OTHER", "cursor", cursor)), 400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        assertProblem(search(Trades.newUserId(), params("symbol", symbol, "cursor", cursor)), 400, "VALIDATION_FAILED");
    }

    @Test
    void requiresAToken() throws Exception {
        assertProblem(http().get("/trades/search", params(), null), 401, "UNAUTHENTICATED");
    }

    private HttpResponse<String> search(String user, Map<String, String> parameters) throws Exception {
        return http().get("/trades/search", parameters, TestTokens.bearer(user));
    }

    private List<String> eventIds(String user, Map<String, String> parameters) throws Exception {
        HttpResponse<String> response = search(user, parameters);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response.body())
                .path("trades")
                .forEach(trade -> ids.add(trade.path("eventId").asString()));
        return ids;
    }

    private List<JsonNode> walk(String user, Map<String, String> first) throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        Map<String, String> parameters = first;
        while (true) {
            HttpResponse<String> response = search(user, parameters);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response.body());
            pages.add(page);
            if (page.path("nextCursor").isNull()) {
                return pages;
            }
            parameters = new LinkedHashMap<>(first);
            parameters.put("cursor", page.path("nextCursor").asString());
        }
    }

    private static List<EventEnvelope<TradeExecutedPayload>> history(String user, int count, Instant start) {
        List<EventEnvelope<TradeExecutedPayload>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Trades.executed(user, "HIST", Side.BUY, i + 1, "1.25", start.plusSeconds(i / 3)));
        }
        return events;
    }

    private static List<JsonNode> trades(List<JsonNode> pages) {
        List<JsonNode> trades = new ArrayList<>();
        pages.forEach(page -> page.path("trades").forEach(trades::add));
        return trades;
    }

    /** Strictly descending by (executionTimestamp, eventId): the order search_after pages along. */
    private static void assertNewestFirst(List<JsonNode> trades) {
        for (int i = 1; i < trades.size(); i++) {
            JsonNode before = trades.get(i - 1);
            JsonNode after = trades.get(i);
            int byTime = before.path("executionTimestamp")
                    .asString()
                    .compareTo(after.path("executionTimestamp").asString());
            assertThat(byTime > 0
                            || (byTime == 0
                                    && before.path("eventId")
                                                    .asString()
                                                    .compareTo(after.path("eventId")
                                                            .asString())
                                            > 0))
                    .as("%s before %s", before, after)
                    .isTrue();
        }
    }
}
