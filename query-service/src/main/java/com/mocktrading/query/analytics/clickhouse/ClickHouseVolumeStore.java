package com.mocktrading.query.analytics.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.query.analytics.VolumeBucket;
import com.mocktrading.query.analytics.VolumeQuery;
import com.mocktrading.query.analytics.VolumeStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Volume buckets from the ClickHouse {@code trading_trades} table, with SQL that runs on ClickHouse 18.16 (the
 * local and test server) and on current releases.
 *
 * <p>The table is a ReplacingMergeTree keyed by event id, but replays are merged away only eventually, in the
 * background: until then a replayed event is two rows. The inner query therefore collapses the rows to one per
 * {@code event_id} ({@code any()} of identical copies) before anything is summed. Every filter is in
 * {@code WHERE} (18.16 does not push {@code HAVING} down): the status, the partition-pruning and primary-key range
 * on {@code execution_time} in whole seconds, and the exact millisecond bounds with {@code execution_millis}.
 * Buckets are {@code intDiv(epoch seconds, step) * step}, i.e. aligned to the epoch in UTC.
 */
public class ClickHouseVolumeStore implements VolumeStore {

    private static final String QUERY =
            """
            SELECT
                intDiv(toUInt32(trade_time), ?) * ? AS bucket_start,
                trade_symbol AS symbol,
                sum(trade_quantity) AS volume,
                toString(sum(toDecimal128(assumeNotNull(trade_price), 4) * trade_quantity)) AS notional,
                count() AS trades
            FROM
            (
                SELECT
                    event_id,
                    any(symbol) AS trade_symbol,
                    any(quantity) AS trade_quantity,
                    any(execution_price) AS trade_price,
                    any(execution_time) AS trade_time
                FROM %s
                WHERE status = 'EXECUTED'
                    AND execution_time >= ? AND execution_time <= ?
                    AND toUInt64(toUInt32(execution_time)) * 1000 + execution_millis >= ?
                    AND toUInt64(toUInt32(execution_time)) * 1000 + execution_millis < ?
                    %s
                GROUP BY event_id
            )
            GROUP BY bucket_start, symbol
            ORDER BY bucket_start, symbol
            LIMIT ?
            FORMAT JSONEachRow
            """;

    static final SqlTemplate EVERY_SYMBOL = SqlTemplate.of(QUERY.formatted(TradeHistory.TABLE, ""));
    static final SqlTemplate ONE_SYMBOL = SqlTemplate.of(QUERY.formatted(TradeHistory.TABLE, "AND symbol = ?"));

    private final Client client;
    private final Duration timeout;

    /** @param timeout the longest a query may take, on the server (max_execution_time) and for the client */
    public ClickHouseVolumeStore(Client client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public List<VolumeBucket> buckets(VolumeQuery query, int limit) {
        if (!query.from().isBefore(query.to())) {
            return List.of();
        }
        return run(sql(query, limit));
    }

    static String sql(VolumeQuery query, int limit) {
        long step = query.interval().seconds();
        long fromMillis = query.from().toEpochMilli();
        long toMillis = query.to().toEpochMilli();
        // The seconds that can hold a trade in [from, to): the DateTime column has whole seconds only.
        Instant firstSecond = Instant.ofEpochSecond(Math.floorDiv(fromMillis, 1000));
        Instant lastSecond = Instant.ofEpochSecond(Math.floorDiv(toMillis - 1, 1000));
        if (query.symbol() == null) {
            return EVERY_SYMBOL.bind(step, step, firstSecond, lastSecond, fromMillis, toMillis, limit);
        }
        return ONE_SYMBOL.bind(step, step, firstSecond, lastSecond, fromMillis, toMillis, query.symbol(), limit);
    }

    private List<VolumeBucket> run(String sql) {
        QuerySettings settings = new QuerySettings().setMaxExecutionTime((int) Math.max(1, timeout.toSeconds()));
        CompletableFuture<QueryResponse> pending = client.query(sql, settings);
        try (QueryResponse response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
            List<VolumeBucket> buckets = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    buckets.add(VolumeRows.parse(line));
                }
            }
            return buckets;
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IllegalStateException("ClickHouse did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "ClickHouse query failed: " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("reading ClickHouse's answer failed", e);
        } catch (Exception e) {
            // QueryResponse.close() declares Exception.
            throw new IllegalStateException("ClickHouse query failed", e);
        }
    }
}
