package com.mocktrading.persistence.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.data.ClickHouseFormat;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.sink.StoredTrade;
import com.mocktrading.persistence.sink.TradeStoreWriter;
import com.mocktrading.persistence.sink.WriteOutcome;
import com.mocktrading.persistence.source.TradeRecord;
import com.mocktrading.tracing.TracingSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * One insert per batch. A batch is one block, written whole or not at all; a retry after an answer that got lost
 * writes rows again, which the ReplacingMergeTree (event_id in the key) and the de-duplicating queries absorb. A
 * batch ClickHouse refuses for its data is halved until the refused rows stand alone; those are dead-lettered.
 */
final class ClickHouseTradeWriter extends TradeStoreWriter {

    /**
     * ClickHouse's error codes for data it cannot take: cannot parse (6, 26, 27, 38, 41, 72), out of bounds or
     * overflow (69, 407), incorrect data (117), type mismatch or conversion (53, 70).
     */
    private static final Pattern MESSAGE_CODE = Pattern.compile("Code: (\\d+)");

    private static final Set<Integer> DATA_ERRORS = Set.of(6, 26, 27, 38, 41, 53, 69, 70, 72, 117, 407);

    private final Client client;

    ClickHouseTradeWriter(
            String url,
            DeadLetterTarget deadLetters,
            TracingSettings tracing,
            ElementConverter<TradeRecord, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        super("clickhouse", "store in ClickHouse", deadLetters, tracing, converter, context, configuration, state);
        // Plain responses: ClickHouse 18.16 answers a compressed request with an empty body.
        this.client = new Client.Builder()
                .addEndpoint(url)
                .setUsername("default")
                .setPassword("")
                .compressServerResponse(false)
                .setConnectTimeout(2_000)
                .setSocketTimeout(30_000)
                .build();
    }

    @Override
    protected CompletionStage<WriteOutcome> write(List<StoredTrade> batch) {
        return insert(batch).exceptionallyCompose(error -> {
            Optional<String> refusal = dataError(error);
            if (refusal.isEmpty()) {
                return CompletableFuture.failedFuture(error); // the store may be down: the batch is retried
            }
            if (batch.size() == 1) {
                return CompletableFuture.completedFuture(
                        new WriteOutcome(List.of(), List.of(new WriteOutcome.Refusal(batch.get(0), refusal.get()))));
            }
            // One row spoils its whole block: halve until the rows that ClickHouse refuses are alone.
            int half = batch.size() / 2;
            return write(batch.subList(0, half))
                    .toCompletableFuture()
                    .thenCombine(write(batch.subList(half, batch.size())), WriteOutcome::and);
        });
    }

    private CompletableFuture<WriteOutcome> insert(List<StoredTrade> batch) {
        StringBuilder rows = new StringBuilder(batch.size() * 256);
        for (StoredTrade trade : batch) {
            rows.append(trade.body()).append('\n');
        }
        byte[] body = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return client.insert(TradeHistory.TABLE, new ByteArrayInputStream(body), ClickHouseFormat.JSONEachRow)
                    .thenApply(response -> {
                        response.close();
                        return WriteOutcome.allWritten();
                    });
        } catch (RuntimeException refusedAtOnce) {
            // The client may throw the server's answer rather than fail the future with it.
            return CompletableFuture.failedFuture(refusedAtOnce);
        }
    }

    /**
     * The server's error code. ClickHouse 18.16 sends no exception-code header, so the client reports the code as
     * unknown; the code is still the message's {@code Code: N}.
     */
    private static int codeOf(ServerException server) {
        if (DATA_ERRORS.contains(server.getCode())) {
            return server.getCode();
        }
        Matcher code = MESSAGE_CODE.matcher(String.valueOf(server.getMessage()));
        return code.find() ? Integer.parseInt(code.group(1)) : server.getCode();
    }

    /** The reason, when ClickHouse refused the data itself (a value it cannot parse or hold): no retry helps. */
    static Optional<String> dataError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerException server) {
                int code = codeOf(server);
                return DATA_ERRORS.contains(code)
                        ? Optional.of("code " + code + ": " + server.getMessage())
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        super.close();
        client.close();
    }
}
