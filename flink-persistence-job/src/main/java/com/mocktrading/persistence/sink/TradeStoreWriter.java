package com.mocktrading.persistence.sink;

import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.deadletter.DeadLetters;
import com.mocktrading.persistence.source.TradeRecord;
import com.mocktrading.tracing.JobTracer;
import com.mocktrading.tracing.TracingSettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Writes batches to one store and decides per outcome: all written; some entries refused for now (retried after a
 * backoff); some refused for good (dead-lettered: they can never be stored, and must not stop everyone else's
 * history); or the whole request failed (retried after a backoff: the store may be down). Only this store's
 * pipeline waits while it is down. An entry counts as handled only once it is stored or its dead letter is in Kafka.
 */
public abstract class TradeStoreWriter extends AsyncSinkWriter<TradeRecord, StoredTrade> {

    private static final Logger LOG = LoggerFactory.getLogger(TradeStoreWriter.class);

    private final String store;
    private final String spanName;
    private final JobTracer tracer;
    private final Backoff backoff;
    private final DeadLetters deadLetters;
    private final Counter written;
    private final Counter retried;
    private final Counter deadLettered;

    /** @param spanName of each trade's write, a step of the trace its event carried */
    protected TradeStoreWriter(
            String store,
            String spanName,
            DeadLetterTarget deadLetterTarget,
            TracingSettings tracing,
            ElementConverter<TradeRecord, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        super(converter, context, configuration, state);
        this.store = store;
        this.spanName = spanName;
        this.tracer = tracing.open();
        this.backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), store + "-sink-retries");
        this.deadLetters = deadLetterTarget.open();
        this.written = context.metricGroup().counter("tradesWritten");
        this.retried = context.metricGroup().counter("tradesRetried");
        this.deadLettered = context.metricGroup().counter("tradesDeadLettered");
        // Rises while the store keeps refusing (down, overloaded); back to 0 with the next write it takes.
        context.metricGroup().gauge("consecutiveWriteFailures", backoff::consecutiveFailures);
    }

    /** Writes the batch; completes with what the store made of it, or exceptionally for a failed request. */
    protected abstract CompletionStage<WriteOutcome> write(List<StoredTrade> batch);

    @Override
    protected void submitRequestEntries(List<StoredTrade> batch, ResultHandler<StoredTrade> result) {
        List<StoredTrade> storable = new ArrayList<>(batch.size());
        List<WriteOutcome.Refusal> unstorable = new ArrayList<>();
        for (StoredTrade entry : batch) {
            if (entry.isUnstorable()) {
                unstorable.add(new WriteOutcome.Refusal(entry, entry.unstorableReason()));
            } else {
                storable.add(entry);
            }
        }
        List<Span> spans = spansOf(storable);
        CompletionStage<WriteOutcome> attempt;
        try {
            attempt =
                    storable.isEmpty() ? CompletableFuture.completedFuture(WriteOutcome.allWritten()) : write(storable);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedStage(e);
        }
        attempt = attempt.thenApply(outcome -> unstorable.isEmpty() ? outcome : outcome.alsoRefused(unstorable));
        attempt.whenComplete((outcome, error) -> {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause != null) {
                endSpans(spans, cause.toString());
                retryLater(batch, result, cause.toString());
                return;
            }
            endSpans(spans, outcome.retry().isEmpty() && outcome.refused().isEmpty() ? null : "not all stored");
            deadLetter(outcome.refused()).whenComplete((ignored, unsent) -> {
                List<StoredTrade> retry = new ArrayList<>(outcome.retry());
                if (unsent != null) {
                    outcome.refused().forEach(refusal -> retry.add(refusal.trade()));
                } else {
                    deadLettered.inc(outcome.refused().size());
                }
                written.inc(batch.size()
                        - outcome.retry().size()
                        - outcome.refused().size());
                if (retry.isEmpty()) {
                    backoff.succeeded();
                    result.complete();
                } else {
                    retryLater(retry, result, retry.size() + " of " + batch.size() + " not stored yet");
                }
            });
        });
    }

    /**
     * One span per trade of the request (the bulk request or insert that writes it): the request is each trade's
     * write. Ended when the store answered; a trade retried later gets a span for each attempt.
     */
    private List<Span> spansOf(List<StoredTrade> trades) {
        List<Span> spans = new ArrayList<>(trades.size());
        for (StoredTrade trade : trades) {
            Span span = tracer.start(spanName, SpanKind.CLIENT, trade.trace());
            span.setAttribute("db.system.name", store);
            span.setAttribute("mocktrading.event_id", trade.id());
            span.setAttribute("mocktrading.batch_size", trades.size());
            spans.add(span);
        }
        return spans;
    }

    private static void endSpans(List<Span> spans, String failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure);
            }
            span.end();
        }
    }

    private CompletableFuture<Void> deadLetter(List<WriteOutcome.Refusal> refused) {
        return CompletableFuture.allOf(refused.stream()
                .map(refusal -> deadLetters.send(
                        refusal.trade().id(),
                        refusal.trade().body().getBytes(StandardCharsets.UTF_8),
                        store + " refused it: " + refusal.reason()))
                .toArray(CompletableFuture[]::new));
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
        deadLetters.close();
        super.close();
        tracer.close();
    }
}
