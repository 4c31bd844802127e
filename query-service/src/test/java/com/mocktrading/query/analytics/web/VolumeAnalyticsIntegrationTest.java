package com.mocktrading.query.analytics.web;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static com.mocktrading.query.support.QueryHttp.json;
import static com.mocktrading.query.support.QueryHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.Timestamps;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VolumeAnalyticsIntegrationTest extends AgainstRealStores {

    @Test
    void sumsExecutedTradesPerBucketExactlyCountingAReplayOnce() throws Exception {
        // Given executed trades of one symbol in two minutes, a failed one, one before the range and one at its end
        String symbol = Trades.newSymbol('V');
        Instant minute = Instant.parse("2031-03-04T10:00:00Z");
        EventEnvelope<TradeExecutedPayload> replayed =
                Trades.executed("u1", symbol, Side.BUY, 10, "123.4567", minute.plusMillis(5_100));
        List<EventEnvelope<TradeExecutedPayload>> trades = List.of(
                replayed,
                Trades.executed("u2", symbol, Side.SELL, 5, "0.0001", minute.plusMillis(59_999)),
                Trades.executed("u3", symbol, Side.BUY, 1, "10.005", minute.plusSeconds(60)),
                Trades.executed("u4", symbol, Side.BUY, 1, "10.015", minute.plusSeconds(61)),
                Trades.failed(
                        "u5",
                        symbol,
                        Side.BUY,
                        100,
                        ExecutionStatus.FAILED_INSUFFICIENT_FUNDS,
                        minute.plusSeconds(30),
                        "cash"),
                Trades.executed("u6", symbol, Side.BUY, 1000, "1", minute.plusMillis(5_099)),
                Trades.executed("u7", symbol, Side.BUY, 1000, "1", minute.plusSeconds(120)));
        RealStores.insertRows(trades);
        // And the first trade stored a second time, as a replay after a restart would (same event, same row)
        RealStores.insertRows(List.of(replayed));

        // When the minute volume from the first trade (inclusive) to the last (exclusive) is asked for
        HttpResponse<String> response = volume(params(
                "symbol", symbol, "interval", "1m", "from", "2031-03-04T10:00:05.100Z", "to", "2031-03-04T10:02:00Z"));

        // Then 10 x 123.4567 + 5 x 0.0001 = 1234.5675 -> 1234.57; 10.005 + 10.015 = 20.020 -> 20.02; the replay, the
        // failed trade and the trades outside [from, to) do not count
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json(
                        """
                        {"interval":"1m","from":"2031-03-04T10:00:05.100Z","to":"2031-03-04T10:02:00.000Z","buckets":[
                          {"bucketStart":"2031-03-04T10:00:00.000Z","symbol":"%1$s","volume":15,"notional":"1234.57","trades":2},
                          {"bucketStart":"2031-03-04T10:01:00.000Z","symbol":"%1$s","volume":2,"notional":"20.02","trades":2}]}
                        """
                                .formatted(symbol)));
    }

    @Test
    void roundsTheNotionalHalfToEven() throws Exception {
        // Given 1 x 10.0050 in one hour and 1 x 10.0150 in the next: exactly half a cent over each time
        String symbol = Trades.newSymbol('R');
        Instant hour = Instant.parse("2031-05-06T07:00:00Z");
        RealStores.insertRows(List.of(
                Trades.executed("u", symbol, Side.BUY, 1, "10.005", hour),
                Trades.executed("u", symbol, Side.BUY, 1, "10.015", hour.plusSeconds(3600))));

        // When hourly buckets are asked for
        JsonNode body = json(volume(params(
                        "symbol",
                        symbol,
                        "interval",
                        "1h",
                        "from",
                        "2031-05-06T07:00:00Z",
                        "to",
                        "2031-05-06T09:00:00Z"))
                .body());

        // Then half a cent goes to the even cent, as everywhere money is rounded
        assertThat(body.path("buckets"))
                .extracting(bucket -> bucket.path("notional").asString())
                .containsExactly("10.00", "10.02");
    }

    @Test
    void bucketsAcrossAMonthBoundaryAndAllSymbolsWhenNoneIsNamed() throws Exception {
        // Given trades of two symbols on both sides of a month boundary (two partitions), in a range of their own
        Instant boundary = isolatedMonthStart();
        String alpha = Trades.newSymbol('M');
        String beta = Trades.newSymbol('N');
        String first = alpha.compareTo(beta) < 0 ? alpha : beta;
        String second = first.equals(alpha) ? beta : alpha;
        RealStores.insertRows(List.of(
                Trades.executed("u", second, Side.BUY, 2, "3.5", boundary.minusMillis(1)),
                Trades.executed("u", first, Side.SELL, 1, "4", boundary.minusSeconds(3600)),
                Trades.executed("u", first, Side.BUY, 7, "0.25", boundary),
                Trades.executed("u", second, Side.SELL, 3, "1.1", boundary.plusSeconds(86_399))));

        // When daily buckets of every symbol are asked for
        HttpResponse<String> response = volume(params(
                "interval",
                "1d",
                "from",
                Timestamps.format(boundary.minus(1, ChronoUnit.DAYS)),
                "to",
                Timestamps.format(boundary.plus(1, ChronoUnit.DAYS))));

        // Then each day has a bucket per symbol traded, ordered by bucket start, then symbol
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String lastDay = Timestamps.format(boundary.minus(1, ChronoUnit.DAYS));
        String firstDay = Timestamps.format(boundary);
        assertThat(json(response.body()).path("buckets"))
                .isEqualTo(json(
                        """
                        [{"bucketStart":"%1$s","symbol":"%3$s","volume":1,"notional":"4.00","trades":1},
                         {"bucketStart":"%1$s","symbol":"%4$s","volume":2,"notional":"7.00","trades":1},
                         {"bucketStart":"%2$s","symbol":"%3$s","volume":7,"notional":"1.75","trades":1},
                         {"bucketStart":"%2$s","symbol":"%4$s","volume":3,"notional":"3.30","trades":1}]
                        """
                                .formatted(lastDay, firstDay, first, second)));
    }

    @Test
    void answersATimeWindowUpToNowWithADefaultInterval() throws Exception {
        // Given a trade ten minutes ago and one two hours ago
        String symbol = Trades.newSymbol('W');
        Instant now = Instant.now();
        Instant recent = now.minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        RealStores.insertRows(List.of(
                Trades.executed("u", symbol, Side.BUY, 4, "2.5", recent),
                Trades.executed("u", symbol, Side.BUY, 9, "2.5", now.minus(2, ChronoUnit.HOURS))));

        // When the last hour is asked for
        HttpResponse<String> response = volume(params("symbol", symbol, "timeWindow", "1h"));

        // Then the window ends now, is bucketed by minute, and holds the recent trade only
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.path("interval").asString()).isEqualTo("1m");
        Instant to = Instant.parse(body.path("to").asString());
        assertThat(to).isBetween(now.minusSeconds(1), Instant.now());
        assertThat(Instant.parse(body.path("from").asString())).isEqualTo(to.minus(1, ChronoUnit.HOURS));
        assertThat(body.path("buckets"))
                .isEqualTo(json(
                        """
                        [{"bucketStart":"%s","symbol":"%s","volume":4,"notional":"10.00","trades":1}]
                        """
                                .formatted(Timestamps.format(recent.truncatedTo(ChronoUnit.MINUTES)), symbol)));
        // And a week is bucketed by hour unless asked otherwise
        assertThat(json(volume(params("symbol", symbol, "timeWindow", "7d")).body())
                        .path("interval")
                        .asString())
                .isEqualTo("1h");
    }

    @Test
    void refusesBadParametersNamingThem() throws Exception {
        Map<Map<String, String>, String> cases = Map.ofEntries(
                Map.entry(params("timeWindow", "1h", "interval", "2m"), "interval"),
                Map.entry(params("timeWindow", "2h"), "timeWindow"),
                Map.entry(params("timeWindow", "1h", "from", "2031-01-01T00:00:00Z"), "timeWindow"),
                Map.entry(params("from", "2031-01-01T00:00:00Z"), "to"),
                Map.entry(params(), "from"),
                Map.entry(params("from", "2031-01-02T00:00:00Z", "to", "2031-01-01T00:00:00Z"), "from"),
                Map.entry(
                        params("from", "2031-01-01T00:00:00Z", "to", "2031-01-02T00:00:01Z", "interval", "1m"),
                        "interval"),
                Map.entry(params("timeWindow", "7d", "interval", "5m"), "interval"),
                Map.entry(params("timeWindow", "1h", "symbol", "acme"), "symbol"),
                Map.entry(params("timeWindow", "1h", "symbol", "A';DROP"), "symbol"),
                Map.entry(params("from", "1 Jan 2031", "to", "2031-01-02T00:00:00Z"), "from"));
        for (Map.Entry<Map<String, String>, String> badCase : cases.entrySet()) {
            JsonNode problem = assertProblem(volume(badCase.getKey()), 400, "VALIDATION_FAILED");
            assertThat(problem.path("errors").get(0).path("field").asString())
                    .as("%s", badCase.getKey())
                    .isEqualTo(badCase.getValue());
        }
    }

    @Test
    void acceptsTheLargestRangeForAnInterval() throws Exception {
        assertThat(volume(params(
                                "symbol",
                                Trades.newSymbol('L'),
                                "from",
                                "2031-01-01T00:00:00Z",
                                "to",
                                "2031-01-02T00:00:00Z",
                                "interval",
                                "1m"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(volume(params("symbol", Trades.newSymbol('L'), "timeWindow", "24h", "interval", "1m"))
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> volume(Map<String, String> parameters) throws Exception {
        return http().get("/analytics/volume", parameters, TestTokens.bearer(Trades.newUserId()));
    }

    /** The first of a month no other test uses, so that a market-wide answer holds this test's trades only. */
    private static Instant isolatedMonthStart() {
        int months = ThreadLocalRandom.current().nextInt(12 * 50);
        return Instant.parse("2040-01-01T00:00:00Z")
                .atZone(ZoneOffset.UTC)
                .plusMonths(months)
                .toInstant();
    }
}
