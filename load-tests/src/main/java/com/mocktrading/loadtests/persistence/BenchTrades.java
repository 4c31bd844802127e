package com.mocktrading.loadtests.persistence;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One run's trades: users {@code bench-<run>-u<i>}, symbols {@code BX<run><i>}, outcomes spread over a window that
 * ends now. Trade {@code i} is the same every time it is asked for (seeded by its number), so the seeding, the
 * baselines and the clean-up all regenerate the same trades instead of holding a million of them.
 */
final class BenchTrades {

    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final List<ExecutionStatus> FAILURES = List.of(
            ExecutionStatus.FAILED_INSUFFICIENT_FUNDS,
            ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
            ExecutionStatus.FAILED_PRICE_UNAVAILABLE);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String userPrefix = "bench-" + run + "-";
    private final long seed = new Random().nextLong();
    private final Instant seededAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final int count;
    private final int users;
    private final int symbols;
    private final long windowMillis;

    BenchTrades(int count, int users, int symbols, long windowMillis) {
        if (count < 1 || users < 1 || symbols < 1 || symbols > 1_000_000 || windowMillis < 1) {
            // "BX" + 2 run characters + at most 6 digits keeps symbols within the contract's 10 characters
            throw new IllegalArgumentException("need trades, users, days >= 1 and 1 <= symbols <= 1000000");
        }
        this.count = count;
        this.users = users;
        this.symbols = symbols;
        this.windowMillis = windowMillis;
    }

    String run() {
        return run;
    }

    /** Every user of the run starts with it: what the clean-up and the counts select by. */
    String userPrefix() {
        return userPrefix;
    }

    long seed() {
        return seed;
    }

    int count() {
        return count;
    }

    int users() {
        return users;
    }

    int symbols() {
        return symbols;
    }

    long windowMillis() {
        return windowMillis;
    }

    /** Trade {@code i} of this run. */
    EventEnvelope<TradeExecutedPayload> trade(int i) {
        SplittableRandom random = new SplittableRandom(seed + i);
        String orderId = userPrefix + "o" + i;
        String userId = user(random.nextInt(users));
        String symbol = symbol(random.nextInt(symbols));
        long quantity = 1 + random.nextInt(100);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // Uniform over the window and at least 1 ms in the past; a window across a month end spans two indices.
        Instant executedAt = seededAt.minusMillis(1 + random.nextLong(windowMillis));
        TradeExecutedPayload payload;
        if (random.nextInt(10) == 0) {
            ExecutionStatus status = FAILURES.get(random.nextInt(FAILURES.size()));
            String reason = "benchmark: " + status.name().toLowerCase(Locale.ROOT);
            payload =
                    new TradeExecutedPayload(orderId, userId, symbol, quantity, side, status, null, executedAt, reason);
        } else {
            // 1.0000 to 999.9999, exact at the contract's 4 decimals
            BigDecimal price = BigDecimal.valueOf(10_000 + random.nextLong(9_990_000), 4);
            payload = new TradeExecutedPayload(
                    orderId, userId, symbol, quantity, side, ExecutionStatus.EXECUTED, price, executedAt, null);
        }
        return Topics.TRADE_EXECUTED.newEventWithId("outcome-" + orderId, "flink-execution-job", payload, null);
    }

    String user(int index) {
        return userPrefix + "u" + index;
    }

    /** {@code BX} + two characters of the run + the index: within [A-Z0-9.]{1,10}, distinct between most runs. */
    String symbol(int index) {
        return "BX" + run.substring(0, 2).toUpperCase(Locale.ROOT) + index;
    }
}
