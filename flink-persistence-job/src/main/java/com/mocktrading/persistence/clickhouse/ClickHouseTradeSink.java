package com.mocktrading.persistence.clickhouse;

import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.sink.SinkSettings;
import com.mocktrading.persistence.sink.StoredTrade;
import com.mocktrading.persistence.sink.TradeStoreSink;
import com.mocktrading.persistence.sink.TradeStoreWriter;
import com.mocktrading.persistence.source.TradeRecord;
import com.mocktrading.tracing.TracingSettings;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/** Trades into ClickHouse's {@code trading_trades}, one JSONEachRow insert per batch. */
public final class ClickHouseTradeSink extends TradeStoreSink {

    private final String url;

    public ClickHouseTradeSink(
            String url, SinkSettings settings, DeadLetterTarget deadLetters, TracingSettings tracing) {
        super(ClickHouseTradeSink::stored, settings, deadLetters, tracing);
        this.url = url;
    }

    private static StoredTrade stored(EventEnvelope<TradeExecutedPayload> event) {
        return new StoredTrade(event.eventId(), TradeHistory.TABLE, TradeHistory.clickHouseRow(event));
    }

    @Override
    protected TradeStoreWriter newWriter(
            DeadLetterTarget deadLetters,
            TracingSettings tracing,
            ElementConverter<TradeRecord, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        return new ClickHouseTradeWriter(url, deadLetters, tracing, converter, context, configuration, state);
    }
}
