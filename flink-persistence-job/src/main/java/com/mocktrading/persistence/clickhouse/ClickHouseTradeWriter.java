package com.mocktrading.persistence.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.sink.StoredTrade;
import com.mocktrading.persistence.sink.TradeStoreWriter;
import com.mocktrading.persistence.sink.WriteOutcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * One insert per batch. A batch is one block, written whole or not at all; a retry after an answer that got lost
 * writes rows again, which the ReplacingMergeTree (event_id in the key) and the de-duplicating queries absorb.
 */
final class ClickHouseTradeWriter extends TradeStoreWriter {

    private final Client client;

    ClickHouseTradeWriter(
            String url,
            DeadLetterTarget deadLetters,
            ElementConverter<StoredTrade, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        super("clickhouse", deadLetters, converter, context, configuration, state);
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
        StringBuilder rows = new StringBuilder(batch.size() * 256);
        for (StoredTrade trade : batch) {
            rows.append(trade.body()).append('\n');
        }
        byte[] body = rows.toString().getBytes(StandardCharsets.UTF_8);
        return client.insert(TradeHistory.TABLE, new ByteArrayInputStream(body), ClickHouseFormat.JSONEachRow)
                .thenApply(response -> {
                    response.close();
                    return WriteOutcome.allWritten();
                });
    }

    @Override
    public void close() {
        super.close();
        client.close();
    }
}
