package com.mocktrading.persistence.sink;

import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.source.TradeRecord;
import com.mocktrading.tracing.TracingSettings;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Sink V2 sink of trade_executed records on Flink's {@link AsyncSinkBase}: its element converter turns each record
 * into the store's shape ({@link StoredTradeConverter}); batches bounded by count, bytes and time,
 * a bounded buffer (backpressure instead of unbounded memory), buffered entries kept in checkpoints, a flush on
 * every checkpoint, and timed-out requests retried rather than failing the job. Subclasses say how a batch is
 * written to their store.
 */
public abstract class TradeStoreSink extends AsyncSinkBase<TradeRecord, StoredTrade> {

    private static final long MAX_BATCH_BYTES = 8L * 1024 * 1024;
    private static final long MAX_RECORD_BYTES = 1024L * 1024;

    private final SinkSettings settings;
    private final DeadLetterTarget deadLetters;
    private final TracingSettings tracing;

    protected TradeStoreSink(
            StoredTradeConverter.Shape shape,
            SinkSettings settings,
            DeadLetterTarget deadLetters,
            TracingSettings tracing) {
        super(
                new StoredTradeConverter(shape),
                settings.maxBatchSize(),
                settings.maxInFlightRequests(),
                settings.maxBufferedRequests(),
                MAX_BATCH_BYTES,
                settings.maxTimeInBuffer().toMillis(),
                MAX_RECORD_BYTES,
                settings.requestTimeout().toMillis(),
                false);
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    @Override
    public StatefulSinkWriter<TradeRecord, BufferedRequestState<StoredTrade>> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<TradeRecord, BufferedRequestState<StoredTrade>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<StoredTrade>> state) {
        AsyncSinkWriterConfiguration configuration = AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .build();
        return newWriter(deadLetters, tracing, getElementConverter(), context, configuration, state);
    }

    protected abstract TradeStoreWriter newWriter(
            DeadLetterTarget deadLetters,
            TracingSettings tracing,
            ElementConverter<TradeRecord, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state);

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<StoredTrade>> getWriterStateSerializer() {
        return new StoredTradeStateSerializer();
    }

    protected SinkSettings settings() {
        return settings;
    }
}
