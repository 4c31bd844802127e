package com.mocktrading.marketdata.kafka;

import com.mocktrading.events.EventDeserializationException;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topic;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.kafka.TraceHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Decodes a polled batch of one topic's events and hands them to a Redis writer, each with the trace context of
 * its record's header (the producer's span) where it has one, else its own. The batch is committed
 * only after the writer finished; if it fails or does not finish in time, the container retries the whole batch
 * with backoff (both writers here are safe to repeat). A record that is not a valid event is counted and skipped:
 * neither a price tick nor a live notification is worth stopping the stream for.
 */
public final class EventBatchListener<P> implements BatchMessageListener<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(EventBatchListener.class);

    private final Topic<P> topic;
    private final Function<List<EventEnvelope<P>>, CompletionStage<?>> writer;
    private final Duration batchTimeout;
    private final Counter consumed;
    private final Counter malformed;

    public EventBatchListener(
            Topic<P> topic,
            Function<List<EventEnvelope<P>>, CompletionStage<?>> writer,
            Duration batchTimeout,
            MeterRegistry meters) {
        this.topic = topic;
        this.writer = writer;
        this.batchTimeout = batchTimeout;
        this.consumed = meters.counter("marketdata.events.consumed", "topic", topic.name(), "result", "written");
        this.malformed = meters.counter("marketdata.events.consumed", "topic", topic.name(), "result", "malformed");
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope<P>> payloads = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope<P> event = topic.serde().deserialize(record.value());
                String traceparent = TraceHeaders.read(record.headers(), TraceContext.TRACEPARENT_HEADER);
                payloads.add(
                        traceparent == null
                                ? event
                                : event.withTraceContext(new TraceContext(
                                        traceparent,
                                        TraceHeaders.read(record.headers(), TraceContext.TRACESTATE_HEADER))));
            } catch (EventDeserializationException | IllegalArgumentException | NullPointerException e) {
                malformed.increment();
                LOG.warn(
                        "skipped malformed {} record {}@{}: {}",
                        topic.name(),
                        record.partition(),
                        record.offset(),
                        e.getMessage());
            }
        }
        if (payloads.isEmpty()) {
            return;
        }
        try {
            writer.apply(payloads).toCompletableFuture().get(batchTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    topic.name() + " batch not written to Redis: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(topic.name() + " batch: Redis did not answer within " + batchTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a " + topic.name() + " batch", e);
        }
        consumed.increment(payloads.size());
    }
}
