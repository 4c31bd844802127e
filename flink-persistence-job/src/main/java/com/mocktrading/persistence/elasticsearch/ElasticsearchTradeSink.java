package com.mocktrading.persistence.elasticsearch;

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

/** Trade history into the monthly indices {@code trading_trades-yyyy-MM}, through the bulk API. */
public final class ElasticsearchTradeSink extends TradeStoreSink {

    private final String url;

    public ElasticsearchTradeSink(
            String url, SinkSettings settings, DeadLetterTarget deadLetters, TracingSettings tracing) {
        super(ElasticsearchTradeSink::stored, settings, deadLetters, tracing);
        this.url = url;
    }

    /** The document in its execution month's index, with the eventId as its id. */
    private static StoredTrade stored(EventEnvelope<TradeExecutedPayload> event) {
        return new StoredTrade(
                event.eventId(),
                TradeHistory.indexOf(event.payload().executionTimestamp()),
                TradeHistory.document(event));
    }

    @Override
    protected TradeStoreWriter newWriter(
            DeadLetterTarget deadLetters,
            TracingSettings tracing,
            ElementConverter<TradeRecord, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        return new ElasticsearchTradeWriter(url, deadLetters, tracing, converter, context, configuration, state);
    }
}
