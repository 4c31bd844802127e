package com.mocktrading.consistency;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.TradeExecutedPayload;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything the check reads, split by user into buckets spilled to disk as it streams in, so that each bucket can
 * be checked with only its users in memory. Every check is about one order or one user, and every record names its
 * user, so a bucket holds all it needs; a million orders in ten buckets never has more than a tenth in memory.
 */
final class UserBuckets implements AutoCloseable {

    private enum Kind {
        ORDERS,
        FUNDING,
        PORTFOLIOS,
        OUTCOMES,
        HISTORY,
        ANALYTICS
    }

    private final Path directory;
    private final int count;
    private final Map<String, BufferedWriter> writers = new HashMap<>();

    UserBuckets(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one bucket, not " + count);
        }
        this.count = count;
        try {
            directory = Files.createTempDirectory("consistency-check");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count() {
        return count;
    }

    void order(OrderRecord order) {
        write(Kind.ORDERS, order.userId(), SpillCodec.order(order));
    }

    void funding(String userId, BigDecimal amount) {
        write(Kind.FUNDING, userId, userId + "\t" + amount.toPlainString());
    }

    void portfolio(Portfolio portfolio) {
        write(Kind.PORTFOLIOS, portfolio.userId(), SpillCodec.portfolio(portfolio));
    }

    void outcome(TradeExecutedPayload outcome) {
        write(Kind.OUTCOMES, outcome.userId(), SpillCodec.outcome(outcome));
    }

    void historyTrade(HistoryTrade trade) {
        write(Kind.HISTORY, trade.userId(), SpillCodec.trade(trade));
    }

    void analyticsRow(HistoryTrade trade) {
        write(Kind.ANALYTICS, trade.userId(), SpillCodec.trade(trade));
    }

    /** Checks the buckets one after another, with one bucket's users in memory at a time. */
    Reconciliation.Report check(Reconciliation reconciliation) {
        Reconciliation.Report report = Reconciliation.Report.empty();
        for (int bucket = 0; bucket < count; bucket++) {
            report = report.plus(reconciliation.check(stores(bucket)));
        }
        return report;
    }

    /** What the stores hold for the users of {@code bucket}, once everything was added. */
    synchronized Reconciliation.Stores stores(int bucket) {
        flush();
        Map<String, BigDecimal> funding = new HashMap<>();
        for (String line : read(Kind.FUNDING, bucket, Function.identity())) {
            int tab = line.indexOf('\t');
            funding.merge(line.substring(0, tab), new BigDecimal(line.substring(tab + 1)), BigDecimal::add);
        }
        return new Reconciliation.Stores(
                funding,
                read(Kind.PORTFOLIOS, bucket, SpillCodec::portfolio),
                read(Kind.ORDERS, bucket, SpillCodec::order),
                read(Kind.OUTCOMES, bucket, SpillCodec::outcome),
                read(Kind.HISTORY, bucket, SpillCodec::trade),
                read(Kind.ANALYTICS, bucket, SpillCodec::trade));
    }

    private synchronized void write(Kind kind, String userId, String line) {
        int bucket = Math.floorMod(userId.hashCode(), count);
        try {
            BufferedWriter writer = writers.computeIfAbsent(kind + "-" + bucket, name -> open(file(kind, bucket)));
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill to " + directory, e);
        }
    }

    private <T> List<T> read(Kind kind, int bucket, Function<String, T> decode) {
        Path file = file(kind, bucket);
        List<T> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                records.add(decode.apply(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return records;
    }

    private Path file(Kind kind, int bucket) {
        return directory.resolve(kind.name().toLowerCase() + "-" + bucket + ".jsonl");
    }

    private static BufferedWriter open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill to " + file, e);
        }
    }

    private void flush() {
        try {
            for (BufferedWriter writer : writers.values()) {
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (BufferedWriter writer : writers.values()) {
                writer.close();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }
}
