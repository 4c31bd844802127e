package com.mocktrading.persistence.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches to one store and decides per outcome: all written; some entries refused for a transient reason
 * (retried after a backoff); the whole request failed (retried after a backoff: the store may be down); or a
 * {@link RefusedWriteException}, which no retry can fix and which fails the job loudly rather than dropping a
 * trade. Only this store's pipeline waits while it is down.
 */
public abstract class TradeStoreWriter extends AsyncSinkWriter<StoredTrade, StoredTrade> {

    private static final Logger LOG = LoggerFactory.getLogger(TradeStoreWriter.class);

    private final String store;
    private final Backoff backoff;
    private final Counter written;
    private final Counter retried;

    protected TradeStoreWriter(
            String store,
            ElementConverter<StoredTrade, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        super(converter, context, configuration, state);
        this.store = store;
        this.backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), store + "-sink-retries");
        this.written = context.metricGroup().counter("tradesWritten");
        this.retried = context.metricGroup().counter("tradesRetried");
    }

    /**
     * Writes the batch; completes with the entries to retry (empty when all were written), or exceptionally:
     * with a {@link RefusedWriteException} for a permanent refusal, with anything else for a failed request.
     */
    protected abstract CompletionStage<List<StoredTrade>> write(List<StoredTrade> batch);

    @Override
    protected void submitRequestEntries(List<StoredTrade> batch, ResultHandler<StoredTrade> result) {
        CompletionStage<List<StoredTrade>> attempt;
        try {
            attempt = write(batch);
        } catch (RuntimeException e) {
            attempt = java.util.concurrent.CompletableFuture.failedStage(e);
        }
        attempt.whenComplete((toRetry, error) -> {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RefusedWriteException refused) {
                result.completeExceptionally(refused);
            } else if (cause != null) {
                retryLater(batch, result, cause.toString());
            } else if (toRetry.isEmpty()) {
                backoff.succeeded();
                written.inc(batch.size());
                result.complete();
            } else {
                written.inc(batch.size() - toRetry.size());
                retryLater(toRetry, result, toRetry.size() + " of " + batch.size() + " refused for now");
            }
        });
    }

    private void retryLater(List<StoredTrade> entries, ResultHandler<StoredTrade> result, String why) {
        retried.inc(entries.size());
        LOG.warn("{} write of {} trades failed, retrying after a backoff: {}", store, entries.size(), why);
        backoff.afterFailure(() -> result.retryForEntries(entries));
    }

    @Override
    protected long getSizeInBytes(StoredTrade trade) {
        return trade.sizeInBytes();
    }

    @Override
    public void close() {
        backoff.close();
        super.close();
    }
}
